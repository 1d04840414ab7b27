package org.backbone.agenda.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.backbone.contracts.agenda.Decision;

@Entity
@Table(name = "agenda_decision")
public class AgendaDecisionEntity extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "initiative_id") UUID initiativeId, @Column(name = "number") int number,
            @Column(name = "organisation_id") UUID organisationId) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Enumerated(EnumType.STRING)
    public Decision decision;
    public String comment;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
}
