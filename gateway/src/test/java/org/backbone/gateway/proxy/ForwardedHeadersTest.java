package org.backbone.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

    private final ForwardedHeaders headers = new ForwardedHeaders("https://backbone.example/");
    private final Correlation correlation = new Correlation("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "request-1");

    @Test
    void theServiceGetsTheCallersHeadersButNotThoseOfTheConnection() {
        MultiMap request = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer t").add("connection", "keep-alive")
                .add("Host", "gateway").add("Content-Length", "3").add("X-Request-Id", "forged")
                .add("X-Forwarded-For", "10.0.0.1");
        MultiMap sent = headers.toService(request, correlation, "192.0.2.7");
        assertThat(sent.get("Authorization")).isEqualTo("Bearer t");
        assertThat(sent.contains("Connection")).isFalse();
        assertThat(sent.contains("Host")).isFalse();
        assertThat(sent.contains("Content-Length")).isFalse();
        assertThat(sent.get("X-Request-Id")).isEqualTo("request-1");
        assertThat(sent.get("traceparent")).isEqualTo(correlation.traceparent());
        assertThat(sent.get("X-Forwarded-For")).isEqualTo("10.0.0.1, 192.0.2.7");
        assertThat(sent.get("X-Forwarded-Prefix")).isEqualTo("/api");
    }

    @Test
    void theCallerGetsTheAnswersHeadersWithTheLocationOfTheGateway() {
        MultiMap answer = MultiMap.caseInsensitiveMultiMap().add("ETag", "\"3\"").add("Transfer-Encoding", "chunked")
                .add("X-Request-Id", "service's").add("Location", "http://10.1.2.3:8081/v1/organisations/42");
        MultiMap relayed = MultiMap.caseInsensitiveMultiMap();
        headers.toCaller(answer, relayed);
        assertThat(relayed.get("ETag")).isEqualTo("\"3\"");
        assertThat(relayed.contains("Transfer-Encoding")).isFalse();
        assertThat(relayed.contains("X-Request-Id")).isFalse();
        assertThat(relayed.get("Location")).isEqualTo("https://backbone.example/api/v1/organisations/42");
        assertThat(new ForwardedHeaders("").location("http://x/v1/a")).isEqualTo("/api/v1/a");
        assertThat(headers.location("/elsewhere")).isEqualTo("/elsewhere");
    }
}
