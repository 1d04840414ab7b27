package org.backbone.contracts.measurement;

import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** Values of a batch were rejected; tells the partner why. */
@EventType("org.backbone.measurement.values.rejected.v1")
public record ValuesRejected(
        UUID initiativeId,
        UUID batchId,
        UUID organisationId,
        SubmissionChannel channel,
        List<ValueRejection> rejections) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(batchId);
    }
}
