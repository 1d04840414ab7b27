package org.backbone.communication.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.backbone.communication.domain.webhook.AddressPolicy;
import org.backbone.communication.domain.webhook.DeliveryOutcome;
import org.backbone.communication.domain.webhook.EventTypePatterns;
import org.backbone.communication.domain.webhook.RetrySchedule;
import org.backbone.communication.domain.webhook.WebhookUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where webhooks may go, when they are tried again and which types an endpoint gets: plain rules. */
class WebhookRulesTest {

    @ParameterizedTest(name = "{0} is not public")
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
            "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "255.255.255.255", "240.0.0.1", "192.0.2.10",
            "198.18.0.1", "::1", "::", "fe80::1", "fd00::1", "fc00::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
            "::10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "2001:db8::1", "2001::1", "fec0::1"})
    void privateLoopbackLinkLocalAndTheirIpv6FormsAreNotPublic(String address) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).isFalse();
        assertThat(new AddressPolicy(List.of()).problem(InetAddress.getByName(address))).contains("not a public address");
    }

    @ParameterizedTest(name = "{0} is public")
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void publicUnicastAddressesArePublic(String address) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void theAllowListAdmitsOnlyWhatItNames() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of("127.0.0.1", " 10.20.0.0/16 ", ""));
        assertThat(policy.problem(InetAddress.getByName("127.0.0.1"))).isNull();
        assertThat(policy.problem(InetAddress.getByName("10.20.3.4"))).isNull();
        assertThat(policy.problem(InetAddress.getByName("127.0.0.2"))).isNotNull();
        assertThat(policy.problem(InetAddress.getByName("10.21.0.1"))).isNotNull();
        assertThat(policy.problem(InetAddress.getByName("::1"))).isNotNull();
        assertThatThrownBy(() -> new AddressPolicy(List.of("intranet.local"))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"ftp://example.org/x", "https://user:secret@example.org/", "https:///nohost", "not a url",
            "https://example.org/#frag", "//example.org/x", "javascript:alert(1)"})
    void urlsThatAreNotPlainHttpsEndpointsAreRefused(String url) {
        assertThatThrownBy(() -> WebhookUrl.parse(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUrlKeepsItsPathQueryAndPort() {
        WebhookUrl url = WebhookUrl.parse("https://Hooks.Example.org:8443/in/backbone?k=1");
        assertThat(url.host()).isEqualTo("hooks.example.org");
        assertThat(url.port()).isEqualTo(8443);
        assertThat(url.target()).isEqualTo("/in/backbone?k=1");
        assertThat(WebhookUrl.parse("https://[2606:4700::1]/").host()).isEqualTo("2606:4700::1");
        assertThat(WebhookUrl.parse("http://example.org").port()).isEqualTo(80);
    }

    @Test
    void retriesFollowTheScheduleWithJitterAndRetryAfterThenStop() {
        RandomGenerator low = fixed(0.0);
        RandomGenerator high = fixed(0.999999);
        assertThat(RetrySchedule.after(1, Optional.empty(), low)).contains(Duration.ofMillis(4_500));
        assertThat(RetrySchedule.after(1, Optional.empty(), high).orElseThrow()).isBetween(Duration.ofMillis(5_400),
                Duration.ofMillis(5_500));
        assertThat(RetrySchedule.after(2, Optional.empty(), low)).contains(Duration.ofSeconds(270));
        assertThat(RetrySchedule.after(7, Optional.empty(), low)).contains(Duration.ofHours(9));
        assertThat(RetrySchedule.after(8, Optional.empty(), low)).isEmpty();
        // an endpoint asking for more time gets it, up to a bound
        assertThat(RetrySchedule.after(1, Optional.of(Duration.ofSeconds(120)), low)).contains(Duration.ofSeconds(120));
        assertThat(RetrySchedule.after(1, Optional.of(Duration.ofDays(30)), low)).contains(Duration.ofHours(10));
        assertThat(RetrySchedule.retryAfter("120", 0)).contains(Duration.ofSeconds(120));
        assertThat(RetrySchedule.retryAfter("Thu, 01 Jan 1970 00:01:00 GMT", 0)).contains(Duration.ofMinutes(1));
        assertThat(RetrySchedule.retryAfter("soon", 0)).isEmpty();
    }

    @Test
    void twoHundredsDeliverGoneDisablesAndTheRestRetryUntilTheScheduleEnds() {
        RandomGenerator random = fixed(0.5);
        assertThat(DeliveryOutcome.of(204, 1, Optional.empty(), random).kind()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        assertThat(DeliveryOutcome.of(410, 1, Optional.empty(), random).kind()).isEqualTo(DeliveryOutcome.Kind.GONE);
        assertThat(DeliveryOutcome.of(500, 1, Optional.empty(), random).kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(DeliveryOutcome.of(301, 1, Optional.empty(), random).kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(DeliveryOutcome.of(null, 7, Optional.empty(), random).kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(DeliveryOutcome.of(null, 8, Optional.empty(), random).kind()).isEqualTo(DeliveryOutcome.Kind.FAILED);
    }

    @Test
    void typePatternsMatchExactlyByPrefixOrAllAndMustMatchSomething() {
        assertThat(EventTypePatterns.matches("org.backbone.measurement.*", "org.backbone.measurement.values.recorded.v1")).isTrue();
        assertThat(EventTypePatterns.matches("org.backbone.measurement.*", "org.backbone.measurementx.a.v1")).isFalse();
        assertThat(EventTypePatterns.matches("*", "org.backbone.agenda.partner.joined.v1")).isTrue();
        assertThat(EventTypePatterns.matches("org.backbone.agenda.partner.joined.v1", "org.backbone.agenda.partner.joined.v1")).isTrue();
        List<String> known = List.of("org.backbone.agenda.partner.joined.v1", "org.backbone.measurement.values.recorded.v1");
        assertThat(EventTypePatterns.problems("eventTypes", List.of("org.backbone.agenda.*", "*"), known)).isEmpty();
        assertThat(EventTypePatterns.problems("eventTypes", List.of("org.backbone.nothing.*"), known))
                .extracting(p -> p.field()).containsExactly("eventTypes[0]");
        assertThat(EventTypePatterns.problems("eventTypes", List.of("org.*.agenda"), known)).hasSize(1);
        assertThat(EventTypePatterns.problems("eventTypes", List.of(), known)).hasSize(1);
    }

    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
