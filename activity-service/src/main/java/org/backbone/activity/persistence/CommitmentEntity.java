package org.backbone.activity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "commitment")
public class CommitmentEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @Column(name = "organisation_id")
    public UUID organisationId;
    @Column(name = "indicator_id")
    public UUID indicatorId;
    public String period;
    public String location;
    public BigDecimal amount;
    public String note;
    public boolean withdrawn;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;
}
