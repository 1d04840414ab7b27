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
import java.util.List;
import java.util.UUID;
import org.backbone.activity.domain.ReachReports;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "reach_report")
public class ReachReportEntity extends PanacheEntityBase {

    /** The lines as one JSON object (Hibernate Reactive maps no JSON arrays). */
    public record Lines(List<ReachReports.Line> lines) {
    }

    @Id
    public UUID id;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @Column(name = "activity_id")
    public UUID activityId;
    public String period;
    @Enumerated(EnumType.STRING)
    public ReachReports.Status status;
    @JdbcTypeCode(SqlTypes.JSON)
    public Lines lines;
    @Column(name = "total_reached")
    public long totalReached;
    public String narrative;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;
    @Column(name = "review_comment")
    public String reviewComment;
    @Version
    public long version;
}
