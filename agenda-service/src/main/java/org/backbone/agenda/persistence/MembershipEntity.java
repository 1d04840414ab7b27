package org.backbone.agenda.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.agenda.PartnerRole;

/** One period of an organisation's membership of an initiative; current while {@code leftAt} is null. */
@Entity
@Table(name = "membership")
public class MembershipEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @Column(name = "organisation_id")
    public UUID organisationId;
    @Enumerated(EnumType.STRING)
    public PartnerRole role;
    @Column(name = "joined_at")
    public OffsetDateTime joinedAt;
    @Column(name = "left_at")
    public OffsetDateTime leftAt;

    public static Uni<MembershipEntity> current(UUID initiativeId, UUID organisationId) {
        return find("initiativeId = ?1 and organisationId = ?2 and leftAt is null", initiativeId, organisationId)
                .firstResult();
    }

    public static Uni<List<MembershipEntity>> currentOf(UUID initiativeId) {
        return list("initiativeId = ?1 and leftAt is null", initiativeId);
    }

    public static Uni<Boolean> isCurrentMember(UUID initiativeId, UUID organisationId) {
        return count("initiativeId = ?1 and organisationId = ?2 and leftAt is null", initiativeId, organisationId)
                .map(count -> count > 0);
    }
}
