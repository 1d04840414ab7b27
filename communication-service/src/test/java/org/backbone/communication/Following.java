package org.backbone.communication;



import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.Sector;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.AgendaEvents;
import org.backbone.kit.testing.Api;

/**
 * The tests' consumers start from the end of the shared topics: before a test publishes, it waits
 * until the consumer it relies on has its partitions, i.e. a probe published now comes through.
 */
final class Following {

    private static volatile boolean feed;
    private static volatile boolean notifications;

    private Following() {
    }

    /** The feed's consumer. */
    static void feed() {
        if (feed) {
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
        feed = true;
    }

    /** The notifications' consumer: a probe of its own is told to staff. */
    static void notifications() {
        if (notifications) {
            return;
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3))
                .ignoreExceptions().until(() -> {
                    UUID probe = UUID.randomUUID();
                    AgendaEvents.publish(new PartnerJoined(probe, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT,
                            PartnerRole.FOUNDING, Instant.now()));
                    return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                            .until(() -> Api.as(Tokens.admin()).get("/v1/me/notifications?limit=50").then().extract()
                                    .<List<Map<String, Object>>>path("items"), items -> items.stream()
                                    .anyMatch(n -> probe.toString().equals(n.get("initiativeId")))) != null;
                });
        notifications = true;
    }
}
