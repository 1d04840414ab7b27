package org.backbone.contracts.measurement;

import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A batch of partner values was accepted (counts only). */
@EventType("org.backbone.measurement.values.recorded.v1")
public record ValuesRecorded(
        UUID initiativeId,
        UUID batchId,
        UUID organisationId,
        SubmissionChannel channel,
        int acceptedCount,
        int rejectedCount,
        List<UUID> indicatorIds,
        List<ReportedPeriod> reported) implements BackboneEvent {

    /** As written before the reported periods were added (optional, 2026-12). */
    public ValuesRecorded(UUID initiativeId, UUID batchId, UUID organisationId, SubmissionChannel channel, int acceptedCount,
            int rejectedCount, List<UUID> indicatorIds) {
        this(initiativeId, batchId, organisationId, channel, acceptedCount, rejectedCount, indicatorIds, null);
    }

    @Override
    public String subject() {
        return String.valueOf(batchId);
    }
}
