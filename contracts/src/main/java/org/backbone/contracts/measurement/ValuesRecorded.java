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
        List<UUID> indicatorIds) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(batchId);
    }
}
