package org.backbone.agenda.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.backbone.contracts.agenda.Decision.ENDORSE;
import static org.backbone.contracts.agenda.Decision.OBJECT;
import static org.backbone.contracts.agenda.PartnerRole.CORE;
import static org.backbone.contracts.agenda.PartnerRole.FOUNDING;
import static org.backbone.contracts.agenda.PartnerRole.SUPPORTING;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.backbone.agenda.domain.AgendaRuleException.Reason;
import org.backbone.agenda.domain.Ballot.Status;
import org.backbone.contracts.agenda.PartnerRole;
import org.junit.jupiter.api.Test;

class BallotTest {

    private final UUID founder = UUID.randomUUID();
    private final UUID core1 = UUID.randomUUID();
    private final UUID core2 = UUID.randomUUID();
    private final UUID core3 = UUID.randomUUID();
    private final UUID supporter = UUID.randomUUID();

    private Map<UUID, PartnerRole> members() {
        Map<UUID, PartnerRole> members = new LinkedHashMap<>();
        members.put(founder, FOUNDING);
        members.put(core1, CORE);
        members.put(core2, CORE);
        members.put(core3, CORE);
        members.put(supporter, SUPPORTING);
        return members;
    }

    @Test
    void foundingAndCorePartnersVoteSupportingPartnersDoNot() {
        Ballot ballot = Ballot.open(RatificationRule.unanimous(), members());
        assertThat(ballot.electorate()).containsOnlyKeys(founder, core1, core2, core3);
        assertThatThrownBy(() -> ballot.decide(supporter, ENDORSE))
                .isInstanceOf(AgendaRuleException.class).extracting("reason").isEqualTo(Reason.NOT_A_VOTER);
    }

    @Test
    void unanimousRatifiesWhenEveryVoterEndorses() {
        Ballot ballot = Ballot.open(RatificationRule.unanimous(), members());
        assertThat(ballot.decide(founder, ENDORSE)).isEqualTo(Status.PROPOSED);
        assertThat(ballot.decide(core1, ENDORSE)).isEqualTo(Status.PROPOSED);
        assertThat(ballot.decide(core2, ENDORSE)).isEqualTo(Status.PROPOSED);
        assertThat(ballot.decide(core3, ENDORSE)).isEqualTo(Status.RATIFIED);
    }

    @Test
    void unanimousWithOneObjectionStaysOpen() {
        Ballot ballot = Ballot.open(RatificationRule.unanimous(), members());
        ballot.decide(founder, ENDORSE);
        ballot.decide(core1, ENDORSE);
        ballot.decide(core2, ENDORSE);
        assertThat(ballot.decide(core3, OBJECT)).isEqualTo(Status.PROPOSED);
        assertThat(ballot.tally()).isEqualTo(new Ballot.Tally(4, 3, 1, false));
    }

    @Test
    void aLaterDecisionReplacesTheEarlierOne() {
        Ballot ballot = Ballot.open(RatificationRule.unanimous(), members());
        ballot.decide(founder, ENDORSE);
        ballot.decide(core1, ENDORSE);
        ballot.decide(core2, ENDORSE);
        ballot.decide(core3, OBJECT);
        assertThat(ballot.decide(core3, ENDORSE)).isEqualTo(Status.RATIFIED);
        assertThat(ballot.tally().objections()).isZero();
    }

    @Test
    void quorumExactlyAtTheBoundaryRatifies() {
        // 3 of 4 voters = 0.75
        Ballot ballot = Ballot.open(RatificationRule.quorum("0.75"), members());
        ballot.decide(founder, ENDORSE);
        ballot.decide(core1, ENDORSE);
        assertThat(ballot.decide(core2, ENDORSE)).isEqualTo(Status.RATIFIED);
    }

    @Test
    void quorumJustBelowTheBoundaryDoesNot() {
        Ballot ballot = Ballot.open(RatificationRule.quorum("0.76"), members());
        ballot.decide(founder, ENDORSE);
        ballot.decide(core1, ENDORSE);
        assertThat(ballot.decide(core2, ENDORSE)).isEqualTo(Status.PROPOSED);
        assertThat(ballot.decide(core3, ENDORSE)).isEqualTo(Status.RATIFIED);
    }

    @Test
    void quorumWithThirdsIsExact() {
        Map<UUID, PartnerRole> three = Map.of(founder, FOUNDING, core1, CORE, core2, CORE);
        Ballot ballot = Ballot.open(RatificationRule.quorum("0.6666"), three);
        ballot.decide(core1, ENDORSE);
        assertThat(ballot.decide(core2, ENDORSE)).isEqualTo(Status.RATIFIED);
    }

    @Test
    void aFoundingObjectionBlocksAQuorum() {
        Ballot ballot = Ballot.open(RatificationRule.quorum("0.5"), members());
        ballot.decide(founder, OBJECT);
        ballot.decide(core1, ENDORSE);
        ballot.decide(core2, ENDORSE);
        assertThat(ballot.decide(core3, ENDORSE)).isEqualTo(Status.PROPOSED);
        assertThat(ballot.tally().foundingObjection()).isTrue();
    }

    @Test
    void aCoreObjectionDoesNotBlockAQuorum() {
        Ballot ballot = Ballot.open(RatificationRule.quorum("0.5"), members());
        ballot.decide(core3, OBJECT);
        ballot.decide(founder, ENDORSE);
        assertThat(ballot.decide(core1, ENDORSE)).isEqualTo(Status.RATIFIED);
    }

    @Test
    void aPartnerLeavingMidVoteLeavesTheElectorateAndMayCompleteRatification() {
        Ballot ballot = Ballot.open(RatificationRule.unanimous(), members());
        ballot.decide(founder, ENDORSE);
        ballot.decide(core1, ENDORSE);
        ballot.decide(core2, ENDORSE);
        ballot.decide(core3, OBJECT);
        assertThat(ballot.partnerLeft(core3)).isEqualTo(Status.RATIFIED);
        assertThat(ballot.electorate()).doesNotContainKey(core3);
    }

    @Test
    void aLeaverWhoseEndorsementWasNeededForTheQuorumNoLongerCounts() {
        // 2 of 4 endorse with quorum 0.5 → ratified at once; build the case before the second endorsement
        Ballot ballot = Ballot.open(RatificationRule.quorum("0.6"), members());
        ballot.decide(core1, ENDORSE);
        ballot.decide(core2, ENDORSE);
        assertThat(ballot.partnerLeft(core2)).isEqualTo(Status.PROPOSED);
        assertThat(ballot.tally()).isEqualTo(new Ballot.Tally(3, 1, 0, false));
        assertThat(ballot.decide(founder, ENDORSE)).isEqualTo(Status.RATIFIED);
    }

    @Test
    void aPartnerLeavingAfterTheVoteChangesNothing() {
        Ballot ballot = Ballot.open(RatificationRule.quorum("0.5"), members());
        ballot.decide(founder, ENDORSE);
        ballot.decide(core1, ENDORSE);
        assertThat(ballot.partnerLeft(core1)).isEqualTo(Status.RATIFIED);
        assertThat(ballot.electorate()).containsKey(core1);
    }

    @Test
    void anEmptiedElectorateCannotRatify() {
        Ballot ballot = Ballot.open(RatificationRule.unanimous(), Map.of(founder, FOUNDING));
        assertThat(ballot.partnerLeft(founder)).isEqualTo(Status.PROPOSED);
        assertThat(ballot.tally().voters()).isZero();
    }

    @Test
    void aVoteOnAWithdrawnProposalIsRefused() {
        Ballot ballot = Ballot.open(RatificationRule.unanimous(), members());
        ballot.withdraw();
        assertThat(ballot.status()).isEqualTo(Status.WITHDRAWN);
        assertThatThrownBy(() -> ballot.decide(founder, ENDORSE))
                .isInstanceOf(AgendaRuleException.class).extracting("reason").isEqualTo(Reason.NOT_OPEN);
        assertThatThrownBy(ballot::withdraw).isInstanceOf(AgendaRuleException.class);
    }

    @Test
    void aVoteOnARatifiedVersionIsRefused() {
        Ballot ballot = Ballot.open(RatificationRule.unanimous(), Map.of(founder, FOUNDING));
        ballot.decide(founder, ENDORSE);
        assertThatThrownBy(() -> ballot.decide(founder, OBJECT))
                .isInstanceOf(AgendaRuleException.class).extracting("reason").isEqualTo(Reason.NOT_OPEN);
    }

    @Test
    void noFoundingOrCorePartnerMeansNoVote() {
        assertThatThrownBy(() -> Ballot.open(RatificationRule.unanimous(), Map.of(supporter, SUPPORTING)))
                .isInstanceOf(AgendaRuleException.class).extracting("reason").isEqualTo(Reason.NO_VOTERS);
    }
}
