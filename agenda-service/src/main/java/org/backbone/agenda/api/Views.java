package org.backbone.agenda.api;

import java.util.List;
import org.backbone.agenda.domain.AgendaContent;
import org.backbone.agenda.domain.Ballot;
import org.backbone.agenda.domain.Boundaries;
import org.backbone.agenda.domain.Goal;
import org.backbone.agenda.persistence.AgendaDecisionEntity;
import org.backbone.agenda.persistence.AgendaDraftEntity;
import org.backbone.agenda.persistence.AgendaVersionEntity;
import org.backbone.agenda.persistence.GoalEntity;
import org.backbone.agenda.persistence.InitiativeEntity;
import org.backbone.agenda.persistence.MembershipEntity;
import org.backbone.agenda.persistence.OrganisationEntity;
import org.backbone.agenda.service.AgendaService;

/** Entity → response body. */
final class Views {

    private Views() {
    }

    static Dtos.Organisation of(OrganisationEntity o) {
        return new Dtos.Organisation(o.id, o.name, o.sector, o.country, o.website, o.createdAt, o.version);
    }

    static Dtos.Initiative of(InitiativeEntity i) {
        return new Dtos.Initiative(i.id, i.name, i.problemStatement, i.vision, i.mission, of(i.boundaries),
                new Dtos.RatificationRuleBody(i.ratificationKind, i.quorum), i.currentVersion, i.createdBy,
                i.createdAt, i.version);
    }

    static Dtos.Partner of(MembershipEntity m, OrganisationEntity o) {
        return new Dtos.Partner(m.organisationId, o.name, o.sector, m.role, m.joinedAt, m.leftAt);
    }

    static Dtos.BoundariesBody of(Boundaries b) {
        Boundaries value = b == null ? Boundaries.none() : b;
        return new Dtos.BoundariesBody(value.geography(), value.population(), value.timeframeFrom(),
                value.timeframeTo(), value.inScope(), value.outOfScope());
    }

    static Dtos.AgendaBody of(AgendaContent c) {
        return new Dtos.AgendaBody(c.problemStatement(), c.vision(), c.mission(), of(c.boundaries()),
                c.goals().stream().map(g -> new Dtos.GoalBody(g.id(), g.parentId(), g.title(), g.description(),
                        g.horizon(), g.equityFocus())).toList());
    }

    static Dtos.Draft of(AgendaDraftEntity d) {
        return new Dtos.Draft(of(d.content), d.updatedBy, d.updatedAt, d.version);
    }

    static Dtos.AgendaVersion of(AgendaVersionEntity v, List<AgendaDecisionEntity> decisions) {
        Ballot.Tally tally = AgendaService.ballot(v, decisions, null).tally();
        return new Dtos.AgendaVersion(v.number(), v.status, of(v.content), v.electorate,
                new Dtos.Tally(tally.voters(), tally.endorsements(), tally.objections(), tally.foundingObjection()),
                v.proposedBy, v.proposedAt, v.closedAt);
    }

    static Dtos.Endorsement of(AgendaDecisionEntity d) {
        return new Dtos.Endorsement(d.key.organisationId(), d.decision, d.comment, d.decidedBy, d.decidedAt);
    }

    static Dtos.GoalView of(GoalEntity g) {
        return new Dtos.GoalView(g.key.id(), g.parentId, g.title, g.description, g.horizon, g.equityFocus,
                g.status.name(), g.activatedIn, g.retiredIn);
    }

    static Boundaries toDomain(Dtos.BoundariesBody b) {
        if (b == null) {
            return Boundaries.none();
        }
        return new Boundaries(nonNull(b.geography()), b.population(), b.timeframeFrom(), b.timeframeTo(),
                nonNull(b.inScope()), nonNull(b.outOfScope()));
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static Goal toDomain(Dtos.GoalBody g, java.util.UUID id) {
        return new Goal(id, g.parentId(), g.title(), g.description(), g.horizon(), g.equityFocus());
    }
}
