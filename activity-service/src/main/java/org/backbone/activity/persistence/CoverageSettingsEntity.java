package org.backbone.activity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "coverage_settings")
public class CoverageSettingsEntity extends PanacheEntityBase {

    @Id
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @Column(name = "coverage_level")
    public int coverageLevel;
    public String period;
    public String[] boundaries;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
