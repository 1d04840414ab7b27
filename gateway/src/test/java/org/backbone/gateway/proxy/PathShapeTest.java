package org.backbone.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Proxied calls' metrics are named by the path's shape, so that ids do not each make a series. */
class PathShapeTest {

    private static final Set<String> WORDS = Set.of("initiatives", "organisations", "periods", "values", "scorecard");

    @Test
    void everySegmentThatIsNotAWordOfTheApiIsAnId() {
        assertThat(MetricNames.shape("/api/v1/initiatives/5f0c1c9e-2b1a-4d4e-9f3e-1a2b3c4d5e6f/scorecard", WORDS))
                .isEqualTo("/api/v1/initiatives/{id}/scorecard");
        assertThat(MetricNames.shape("/api/v1/initiatives/abc1/periods/2026-Q1/values", WORDS))
                .isEqualTo("/api/v1/initiatives/{id}/periods/{id}/values");
        // ids of letters only, as a fuzzer sends them, filled the metric label cap before
        assertThat(MetricNames.shape("/api/v1/initiatives/abcdef/nonsense", WORDS)).isEqualTo("/api/v1/initiatives/{id}/{id}");
        assertThat(MetricNames.shape("/api/v1/organisations", WORDS)).isEqualTo("/api/v1/organisations");
        assertThat(MetricNames.shape("/api/v1/organisations/", WORDS)).isEqualTo("/api/v1/organisations/");
        assertThat(MetricNames.shape("/api/v1", WORDS)).isEqualTo("/api/v1");
    }
}
