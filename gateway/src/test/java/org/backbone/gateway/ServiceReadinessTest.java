package org.backbone.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.backbone.kit.testing.ServiceReadinessContract;

@QuarkusTest
class ServiceReadinessTest extends ServiceReadinessContract {

    ServiceReadinessTest() {
        super("Backbone gateway");
    }
}
