package org.backbone.contracts.measurement;

import java.util.UUID;

/** That a batch gave an indicator a value for a period (a DHIS2 period code). */
public record ReportedPeriod(UUID indicatorId, String period) {
}
