package org.backbone.agenda.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.agenda.Decision;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.RatificationKind;

/**
 * The partners' decision on one proposed agenda version.
 *
 * <p>Who votes: the partners that were FOUNDING or CORE members when the version was proposed
 * (the electorate) and are still members. SUPPORTING partners, and partners who join while the vote
 * is open, have no vote on this version. One decision per organisation; a later decision replaces
 * the earlier one while the vote is open.
 *
 * <p>A partner that leaves during the vote leaves the electorate and its decision no longer counts;
 * the rule is evaluated again at once, so its leaving may complete a ratification. A ballot whose
 * electorate has emptied cannot ratify and must be withdrawn.
 */
public final class Ballot {

    public enum Status { PROPOSED, RATIFIED, WITHDRAWN, SUPERSEDED }

    /** Where the vote stands. */
    public record Tally(int voters, int endorsements, int objections, boolean foundingObjection) {
    }

    private final RatificationRule rule;
    private final Map<UUID, PartnerRole> electorate;
    private final Map<UUID, Decision> decisions;
    private Status status;

    public Ballot(RatificationRule rule, Map<UUID, PartnerRole> electorate, Map<UUID, Decision> decisions, Status status) {
        this.rule = rule;
        this.electorate = new LinkedHashMap<>(electorate);
        this.decisions = new LinkedHashMap<>(decisions);
        this.status = status;
    }

    /** Opens a vote among the current members: FOUNDING and CORE partners vote. */
    public static Ballot open(RatificationRule rule, Map<UUID, PartnerRole> currentMembers) {
        Map<UUID, PartnerRole> electorate = new LinkedHashMap<>();
        currentMembers.forEach((organisation, role) -> {
            if (role == PartnerRole.FOUNDING || role == PartnerRole.CORE) {
                electorate.put(organisation, role);
            }
        });
        if (electorate.isEmpty()) {
            throw new AgendaRuleException(AgendaRuleException.Reason.NO_VOTERS,
                    "the initiative has no founding or core partner to ratify a version");
        }
        return new Ballot(rule, electorate, Map.of(), Status.PROPOSED);
    }

    /** Records (or replaces) an organisation's decision and evaluates the rule. */
    public Status decide(UUID organisation, Decision decision) {
        requireOpen();
        if (!electorate.containsKey(organisation)) {
            throw new AgendaRuleException(AgendaRuleException.Reason.NOT_A_VOTER,
                    "only founding and core partners that were members when this version was proposed vote on it");
        }
        decisions.put(organisation, decision);
        return evaluate();
    }

    /** A partner left the initiative: it leaves the electorate, and the rule is evaluated again. */
    public Status partnerLeft(UUID organisation) {
        if (status != Status.PROPOSED || electorate.remove(organisation) == null) {
            return status;
        }
        decisions.remove(organisation);
        return evaluate();
    }

    public void withdraw() {
        requireOpen();
        status = Status.WITHDRAWN;
    }

    public Tally tally() {
        int endorsements = 0;
        int objections = 0;
        boolean foundingObjection = false;
        for (Map.Entry<UUID, Decision> entry : decisions.entrySet()) {
            if (entry.getValue() == Decision.ENDORSE) {
                endorsements++;
            } else {
                objections++;
                foundingObjection |= electorate.get(entry.getKey()) == PartnerRole.FOUNDING;
            }
        }
        return new Tally(electorate.size(), endorsements, objections, foundingObjection);
    }

    public Status status() {
        return status;
    }

    public Map<UUID, PartnerRole> electorate() {
        return Map.copyOf(electorate);
    }

    public Map<UUID, Decision> decisions() {
        return Map.copyOf(decisions);
    }

    private Status evaluate() {
        Tally tally = tally();
        if (tally.voters() > 0 && ratifies(tally)) {
            status = Status.RATIFIED;
        }
        return status;
    }

    private boolean ratifies(Tally tally) {
        if (rule.kind() == RatificationKind.UNANIMOUS) {
            return tally.endorsements() == tally.voters();
        }
        // endorsements / voters >= quorum, in exact arithmetic
        boolean quorumReached = BigDecimal.valueOf(tally.endorsements())
                .compareTo(rule.quorum().multiply(BigDecimal.valueOf(tally.voters()))) >= 0;
        return quorumReached && !tally.foundingObjection();
    }

    private void requireOpen() {
        if (status != Status.PROPOSED) {
            throw new AgendaRuleException(AgendaRuleException.Reason.NOT_OPEN,
                    "this version is " + status.name().toLowerCase() + ", not open for decisions");
        }
    }
}
