package org.backbone.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.backbone.kit.problem.ProblemType;
import org.junit.jupiter.api.Test;

class ProxyFailuresTest {

    @Test
    void aServiceAwayIs503WithRetryAfterAndOneTooSlowIs504() {
        var away = ProxyFailures.refusal(new Downstreams.Unavailable("agenda", false, "agenda cannot be reached", null), "i");
        assertThat(away.type()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(away.retryAfter()).contains("5");
        assertThat(away.detail()).isEqualTo("agenda cannot be reached");
        var slow = ProxyFailures.refusal(new Downstreams.Unavailable("agenda", true, "agenda did not answer", null), "i");
        assertThat(slow.type()).isEqualTo(ProblemType.GATEWAY_TIMEOUT);
        assertThat(slow.retryAfter()).isEmpty();
    }

    @Test
    void anythingElseIsA502NamingAnIncidentForTheLog() {
        var other = ProxyFailures.refusal(new IllegalStateException("bug"), "incident-7");
        assertThat(other.type()).isEqualTo(ProblemType.BAD_GATEWAY);
        assertThat(other.incident()).isTrue();
        assertThat(other.detail()).contains("incident-7").doesNotContain("bug");
    }

    @Test
    void onlyEventStreamsAreStreamed() {
        assertThat(Downstreams.streamed("text/event-stream")).isTrue();
        assertThat(Downstreams.streamed("Text/Event-Stream; charset=utf-8")).isTrue();
        assertThat(Downstreams.streamed("application/json")).isFalse();
        assertThat(Downstreams.streamed(null)).isFalse();
        assertThat(Door.bearerToken("bearer abc ")).isEqualTo("abc");
        assertThat(Door.bearerToken("Basic abc")).isNull();
        assertThat(Door.bearerToken("Bearer ")).isNull();
    }
}
