package org.backbone.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Proxied calls' metrics are named by the path's shape, so that ids do not each make a series. */
class PathShapeTest {

    @Test
    void segmentsWithADigitAreIdsAndTheRestIsKept() {
        assertThat(ApiProxy.shape("/api/v1/initiatives/5f0c1c9e-2b1a-4d4e-9f3e-1a2b3c4d5e6f/scorecard"))
                .isEqualTo("/api/v1/initiatives/{id}/scorecard");
        assertThat(ApiProxy.shape("/api/v1/initiatives/abc1/periods/2026-Q1/values"))
                .isEqualTo("/api/v1/initiatives/{id}/periods/{id}/values");
        assertThat(ApiProxy.shape("/api/v1/organisations")).isEqualTo("/api/v1/organisations");
        assertThat(ApiProxy.shape("/api/v1/organisations/")).isEqualTo("/api/v1/organisations/");
        assertThat(ApiProxy.shape("/api/v1")).isEqualTo("/api/v1");
    }
}
