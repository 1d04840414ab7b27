package org.backbone.agenda.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.backbone.agenda.domain.AgendaContent;
import org.backbone.agenda.domain.Ballot;
import org.backbone.contracts.agenda.PartnerRole;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "agenda_version")
public class AgendaVersionEntity extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "initiative_id") UUID initiativeId, @Column(name = "number") int number)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Enumerated(EnumType.STRING)
    public Ballot.Status status;
    @JdbcTypeCode(SqlTypes.JSON)
    public AgendaContent content;
    /** Organisation id → role of the partners with a vote, fixed when the version was proposed. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<UUID, PartnerRole> electorate;
    @Column(name = "proposed_by")
    public String proposedBy;
    @Column(name = "proposed_at")
    public OffsetDateTime proposedAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Version
    public long version;

    public int number() {
        return key.number();
    }
}
