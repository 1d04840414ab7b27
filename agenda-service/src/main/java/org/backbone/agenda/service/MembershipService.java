package org.backbone.agenda.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.backbone.agenda.persistence.MembershipEntity;
import org.backbone.agenda.persistence.OrganisationEntity;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerLeft;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.Sector;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/** Which organisations take part in an initiative, in which role, since and until when. */
@ApplicationScoped
public class MembershipService {

    private final Outbox outbox;
    private final AccessibleInitiatives access;
    private final AgendaService agenda;

    MembershipService(Outbox outbox, AccessibleInitiatives access, AgendaService agenda) {
        this.outbox = outbox;
        this.access = access;
        this.agenda = agenda;
    }

    public record PartnerRow(MembershipEntity membership, OrganisationEntity organisation) {
    }

    @WithTransaction
    public Uni<PartnerRow> join(Caller caller, UUID initiativeId, UUID organisationId, PartnerRole role) {
        return access.administrable(caller, initiativeId, "add partners")
                .chain(initiative -> OrganisationEntity.<OrganisationEntity>findById(organisationId))
                .onItem().ifNull().failWith(() -> ProblemException.invalid("organisationId",
                        "no organisation " + organisationId + " is registered"))
                .chain(organisation -> MembershipEntity.current(initiativeId, organisationId).chain(current -> {
                    if (current != null) {
                        throw ProblemException.conflict(organisation.name + " is already a partner of this initiative");
                    }
                    MembershipEntity membership = new MembershipEntity();
                    membership.id = UUID.randomUUID();
                    membership.initiativeId = initiativeId;
                    membership.organisationId = organisationId;
                    membership.role = role;
                    membership.joinedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return membership.persist()
                            .call(() -> outbox.append(new PartnerJoined(initiativeId, organisationId, organisation.name,
                                    organisation.sector, role, membership.joinedAt.toInstant())))
                            .replaceWith(new PartnerRow(membership, organisation));
                }));
    }

    /** Backbone staff, or the organisation's own members, end its membership; its history stays. */
    @WithTransaction
    public Uni<Void> leave(Caller caller, UUID initiativeId, UUID organisationId) {
        return access.readable(caller, initiativeId).chain(initiative -> {
            if (!caller.mayWriteFor(organisationId)) {
                throw ProblemException.forbidden("only backbone staff or the organisation's own members may end its membership");
            }
            return MembershipEntity.current(initiativeId, organisationId)
                    .onItem().ifNull().failWith(() -> ProblemException.notFound("current partner " + organisationId))
                    .chain(membership -> {
                        membership.leftAt = OffsetDateTime.now(ZoneOffset.UTC);
                        return membership.persist()
                                .call(() -> outbox.append(new PartnerLeft(initiativeId, organisationId,
                                        membership.leftAt.toInstant())))
                                .chain(() -> agenda.partnerLeft(initiative, organisationId));
                    });
        });
    }

    @WithSession
    public Uni<List<PartnerRow>> list(Caller caller, UUID initiativeId, PartnerRole role, Sector sector,
            boolean includeFormer) {
        return access.readable(caller, initiativeId).chain(initiative -> {
            StringBuilder query = new StringBuilder("initiativeId = ?1");
            List<Object> parameters = new ArrayList<>(List.of(initiativeId));
            if (!includeFormer) {
                query.append(" and leftAt is null");
            }
            if (role != null) {
                parameters.add(role);
                query.append(" and role = ?").append(parameters.size());
            }
            if (sector != null) {
                parameters.add(sector);
                query.append(" and organisationId in (select o.id from OrganisationEntity o where o.sector = ?")
                        .append(parameters.size()).append(")");
            }
            query.append(" order by joinedAt, id");
            return MembershipEntity.<MembershipEntity>list(query.toString(), parameters.toArray())
                    .chain(memberships -> memberships.isEmpty() ? Uni.createFrom().item(List.<PartnerRow>of())
                            : OrganisationEntity.<OrganisationEntity>list("id in ?1",
                                    memberships.stream().map(m -> m.organisationId).distinct().toList())
                            .map(organisations -> {
                                Map<UUID, OrganisationEntity> byId = organisations.stream()
                                        .collect(Collectors.toMap(o -> o.id, Function.identity()));
                                return memberships.stream()
                                        .map(m -> new PartnerRow(m, byId.get(m.organisationId))).toList();
                            }));
        });
    }
}
