package org.backbone.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Its resource classes are real resources in the gateway's tests too: their paths are their own. */
class OwnResourcesTest {

    @Path("/api/v1/own-resources-test/{thingId}/view")
    static class Dashboard {
        @GET
        public String get() {
            return "";
        }

        @GET
        @Path("{part: [a-z]+}")
        public String part() {
            return "";
        }
    }

    @Path("/api/v1/own-resources-test-events/")
    static class PartnerEvents {
    }

    @Path("/api/own-resources-test-docs")
    static class Docs {
    }

    private final OwnResources own = new OwnResources(List.of(Dashboard.class, PartnerEvents.class, Docs.class));

    @Test
    void thePathsOfTheGatewaysResourcesAreItsOwnParametersAsOneSegment() {
        assertThat(own.owns("/api/v1/own-resources-test/5f0c1c9e/view")).isTrue();
        assertThat(own.owns("/api/v1/own-resources-test/5f0c1c9e/view/")).isTrue();
        assertThat(own.owns("/api/v1/own-resources-test/5f0c1c9e/view/goals")).isTrue();
        assertThat(own.owns("/api/v1/own-resources-test-events")).isTrue();
    }

    @Test
    void everyOtherPathIsProxied() {
        assertThat(own.owns("/api/v1/own-resources-test/a/b/view")).isFalse();
        assertThat(own.owns("/api/v1/own-resources-test/5f0c1c9e/scorecard")).isFalse();
        assertThat(own.owns("/api/v1/own-resources-test-events/x")).isFalse();
        // outside /api/v1 the proxy is not involved at all
        assertThat(own.owns("/api/own-resources-test-docs")).isFalse();
        assertThat(new OwnResources(List.of()).owns("/api/v1/own-resources-test-events")).isFalse();
    }

    @Test
    void regexCharactersInATemplateAreLiteral() {
        assertThat(OwnResources.pattern("/api/v1/a.b/{id}")).matches(p -> "/api/v1/a.b/x".matches(p))
                .matches(p -> !"/api/v1/aXb/x".matches(p));
    }
}
