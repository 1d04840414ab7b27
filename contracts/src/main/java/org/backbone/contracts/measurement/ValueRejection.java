package org.backbone.contracts.measurement;

/** Why one submitted value was rejected. */
public record ValueRejection(
        int index,
        String indicatorCode,
        String period,
        String field,
        String reason) {
}
