package org.backbone.activity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.backbone.activity.domain.FindingState;
import org.backbone.contracts.activity.FindingKind;

@Entity
@Table(name = "finding")
public class FindingEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @Column(name = "finding_key")
    public String key;
    @Enumerated(EnumType.STRING)
    public FindingKind kind;
    @Enumerated(EnumType.STRING)
    public FindingState state;
    @Column(name = "goal_id")
    public UUID goalId;
    public String location;
    @Column(name = "target_group")
    public String targetGroup;
    public String period;
    @Column(name = "activity_ids")
    public UUID[] activityIds;
    @Column(name = "organisation_ids")
    public UUID[] organisationIds;
    public Integer score;
    @Column(name = "indicator_id")
    public UUID indicatorId;
    public String fingerprint;
    @Column(name = "dismissed_fingerprint")
    public String dismissedFingerprint;
    @Column(name = "dismissed_reason")
    public String dismissedReason;
    @Column(name = "dismissed_by")
    public String dismissedBy;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
