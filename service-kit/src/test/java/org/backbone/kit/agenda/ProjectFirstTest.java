package org.backbone.kit.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.backbone.contracts.agenda.GoalRetired;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.InitiativeUpdated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerLeft;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.contracts.agenda.Sector;
import org.junit.jupiter.api.Test;

/**
 * What another consumer projects before it acts: only what decides who belongs to an initiative. The rest
 * stays with the projection's own consumer, so that several consumers of one service do not all write
 * (and wait on each other for) the same rows for every rename.
 */
class ProjectFirstTest {

    private static final UUID INITIATIVE = UUID.randomUUID();
    private static final UUID ORGANISATION = UUID.randomUUID();
    private static final RatificationRule UNANIMOUS = new RatificationRule(RatificationKind.UNANIMOUS, null);

    @Test
    void creationsJoinsAndLeavesAreProjectedFirst() {
        assertThat(AgendaProjector.decidesMembership(new InitiativeCreated(INITIATIVE, "TOP15", null, null, null,
                UNANIMOUS, "admin"))).isTrue();
        assertThat(AgendaProjector.decidesMembership(new PartnerJoined(INITIATIVE, ORGANISATION, "Atid", Sector.NONPROFIT,
                PartnerRole.CORE, Instant.now()))).isTrue();
        assertThat(AgendaProjector.decidesMembership(new PartnerLeft(INITIATIVE, ORGANISATION, Instant.now()))).isTrue();
    }

    @Test
    void renamesAndGoalsAreLeftToTheProjectionsOwnConsumer() {
        assertThat(AgendaProjector.decidesMembership(new InitiativeUpdated(INITIATIVE, "TOP15", null, null, null,
                UNANIMOUS, 2))).isFalse();
        assertThat(AgendaProjector.decidesMembership(new GoalRetired(INITIATIVE, UUID.randomUUID(), 3))).isFalse();
    }
}
