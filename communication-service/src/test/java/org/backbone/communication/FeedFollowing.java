package org.backbone.communication;



import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.AgendaEvents;
import org.backbone.kit.testing.Api;

/**
 * The tests' feed consumer starts from the end of the shared topics: before a test publishes, it waits
 * until the consumer has its partitions, i.e. a probe published now comes through.
 */
final class FeedFollowing {

    private static volatile boolean following;

    private FeedFollowing() {
    }

    static void await() {
        if (following) {
            return;
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3))
                .ignoreExceptions().until(() -> {
                    UUID probe = UUID.randomUUID();
                    AgendaEvents.publish(new InitiativeCreated(probe, "Probe " + probe, null, null, null,
                            new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"));
                    return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                            .until(() -> Api.as(Tokens.admin()).get("/v1/initiatives/" + probe + "/feed").then().extract()
                                    .<List<?>>path("items").size(), n -> n == 1) == 1;
                });
        following = true;
    }
}
