package org.backbone.measurement;

import org.backbone.kit.testing.Layers;
import org.junit.jupiter.api.Test;

/** api and events → service → persistence and domain; domain is plain Java (see the kit's Layers). */
class LayersTest {

    @Test
    void noLayerUsesOneAboveItAndTheDomainIsPlainJava() {
        Layers.check("org.backbone.measurement");
    }
}
