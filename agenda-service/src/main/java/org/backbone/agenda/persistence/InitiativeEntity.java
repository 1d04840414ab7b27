package org.backbone.agenda.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.backbone.agenda.domain.Boundaries;
import org.backbone.agenda.domain.RatificationRule;
import org.backbone.contracts.agenda.RatificationKind;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "initiative")
public class InitiativeEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Column(name = "problem_statement")
    public String problemStatement;
    public String vision;
    public String mission;
    @JdbcTypeCode(SqlTypes.JSON)
    public Boundaries boundaries;
    @Enumerated(EnumType.STRING)
    @Column(name = "ratification_kind")
    public RatificationKind ratificationKind;
    public BigDecimal quorum;
    /** The number of the ratified version in force, if any. */
    @Column(name = "current_version")
    public Integer currentVersion;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;

    public RatificationRule rule() {
        return new RatificationRule(ratificationKind, quorum);
    }
}
