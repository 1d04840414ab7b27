package org.backbone.agenda.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.backbone.agenda.domain.AgendaContent;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "agenda_draft")
public class AgendaDraftEntity extends PanacheEntityBase {

    @Id
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @JdbcTypeCode(SqlTypes.JSON)
    public AgendaContent content;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
