package org.backbone.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.activity.FindingKind;
import org.backbone.contracts.activity.FindingOpened;
import org.backbone.contracts.activity.FindingResolved;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.contracts.agenda.Sector;
import org.backbone.contracts.measurement.IndicatorStatusChanged;
import org.backbone.contracts.measurement.ProgressStatus;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.AgendaEvents;
import org.backbone.kit.testing.Api;
import org.junit.jupiter.api.Test;

/** The suggested agenda against the real servers: built from what is late, off track and open now, for staff alone. */
@QuarkusTest
class SuggestedAgendaTest {

    @Test
    void staffGetWhatNeedsThePartnersNowInOrderWithLinksAndNothingSettled() throws Exception {
        Following.feed();
        UUID initiative = UUID.randomUUID();
        UUID offTrack = UUID.randomUUID();
        UUID recovered = UUID.randomUUID();
        UUID gap = UUID.randomUUID();
        UUID resolved = UUID.randomUUID();
        AgendaEvents.publish(new InitiativeCreated(initiative, "Prepared " + initiative, null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"),
                new PartnerJoined(initiative, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT, PartnerRole.FOUNDING,
                        Instant.now()),
                new IndicatorStatusChanged(initiative, offTrack, "2026Q3", ProgressStatus.ON_TRACK, ProgressStatus.OFF_TRACK),
                new IndicatorStatusChanged(initiative, recovered, "2026Q2", ProgressStatus.ON_TRACK, ProgressStatus.AT_RISK),
                new IndicatorStatusChanged(initiative, recovered, "2026Q3", ProgressStatus.AT_RISK, ProgressStatus.ON_TRACK),
                new FindingOpened(initiative, gap, FindingKind.UNCOVERED, null, "yeruham", "girls-10-12", null, null, List.of(),
                        List.of(), null, "nothing serves them"),
                new FindingOpened(initiative, resolved, FindingKind.DUPLICATION_RISK, null, "haifa", "girls-10-12", null, null,
                        List.of(), List.of(Tokens.ORG_A), 80, "two clubs"),
                new FindingResolved(initiative, resolved, FindingKind.DUPLICATION_RISK));
        String base = "/v1/initiatives/" + initiative;
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.as(Tokens.admin()).get(base + "/feed?limit=200").then()
                .extract().<List<?>>path("items").size() == 8);
        String overdue = Api.as(Tokens.admin()).body(Map.of("title", "Send the attendance lists", "assigneeOrganisationId",
                Tokens.ORG_A.toString(), "dueOn", LocalDate.now().minusDays(5).toString())).post(base + "/action-items")
                .then().statusCode(201).extract().path("id");
        String review = Api.as(Tokens.admin()).body(Map.of("statement", "Meet quarterly", "reviewOn",
                LocalDate.now().minusDays(1).toString())).post(base + "/decisions").then().statusCode(201).extract().path("id");
        Api.as(Tokens.admin()).body(Map.of("statement", "Not yet", "reviewOn", LocalDate.now().plusDays(30).toString()))
                .post(base + "/decisions").then().statusCode(201);

        List<Map<String, Object>> items = Api.as(Tokens.admin()).get(base + "/meetings/suggested-agenda").then().statusCode(200)
                .extract().path("items");
        assertThat(items).extracting(i -> (Object) i.get("kind")).containsExactly("ACTION_ITEM_OVERDUE", "DECISION_REVIEW_DUE",
                "INDICATOR_OFF_TRACK", "GAP");
        assertThat(items).extracting(i -> (Object) ((Map<?, ?>) i.get("link")).get("id")).containsExactly(overdue, review,
                offTrack.toString(), gap.toString());
        assertThat(items.get(3)).containsEntry("title", "UNCOVERED in yeruham for girls-10-12");
        assertThat(items.get(2)).containsEntry("detail", "OFF_TRACK for 2026Q3");

        Api.as(Tokens.user("member-a")).get(base + "/meetings/suggested-agenda").then().statusCode(403);
        Api.as(Tokens.user("member-b")).get(base + "/meetings/suggested-agenda").then().statusCode(404);
    }
}
