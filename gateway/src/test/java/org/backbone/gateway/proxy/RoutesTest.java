package org.backbone.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RoutesTest {

    private static Routes routes(Set<String> known) {
        return new Routes(List.of(
                new Routes.Route(Pattern.compile("/v1/initiatives/[^/]+/(indicators|scorecard)(/.*)?"), "measurement"),
                new Routes.Route(Pattern.compile("/v1/(organisations|initiatives)(/.*)?"), "agenda")), known::contains);
    }

    @Test
    void theFirstRouteWhosePatternMatchesTheWholePathWins() {
        Routes routes = routes(Set.of("agenda", "measurement"));
        assertThat(routes.serviceFor("/v1/initiatives/abc/indicators/1")).contains("measurement");
        assertThat(routes.serviceFor("/v1/initiatives/abc/partners")).contains("agenda");
        assertThat(routes.serviceFor("/v1/initiatives")).contains("agenda");
        assertThat(routes.serviceFor("/v1/organisationsX")).isEmpty();
        assertThat(routes.serviceFor("/v2/initiatives")).isEmpty();
    }

    @Test
    void aRouteToAServiceWithoutAnAddressStopsTheStart() {
        assertThatThrownBy(() -> routes(Set.of("agenda"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown service measurement");
    }
}
