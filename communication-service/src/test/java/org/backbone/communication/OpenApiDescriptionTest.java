package org.backbone.communication;

import io.quarkus.test.junit.QuarkusTest;
import org.backbone.kit.testing.OpenApiContract;

@QuarkusTest
class OpenApiDescriptionTest extends OpenApiContract {

    OpenApiDescriptionTest() {
        super(28);
    }
}
