package org.backbone.communication;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.contracts.agenda.Sector;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.AgendaEvents;
import org.backbone.kit.testing.FuzzContract;

/** Every operation of communication-service fuzzed against an initiative partner A belongs to. */
@QuarkusTest
class FuzzTest extends FuzzContract {

    @Override
    protected Map<String, List<String>> knownValues() {
        UUID initiative = UUID.randomUUID();
        try {
            AgendaEvents.publish(new InitiativeCreated(initiative, "Fuzzed " + initiative, null, null, null,
                            new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"),
                    new PartnerJoined(initiative, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT,
                            PartnerRole.FOUNDING, Instant.now()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the fuzzed initiative", e);
        }
        return Map.of("initiativeId", List.of(initiative.toString()),
                "type", List.of("agenda.", "activity.activity.registered"),
                "objectType", List.of("activity", "partner"),
                "actor", List.of("system"));
    }
}
