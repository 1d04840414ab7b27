package org.backbone.measurement.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.measurement.service.SubmissionService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the value and progress API. */
public final class ValueDtos {

    public static final int MAX_BATCH = 10_000;

    private ValueDtos() {
    }

    public record ValueBody(
            @NotBlank @Schema(examples = "2026Sep") String period,
            @Schema(description = "Disaggregation: dimension code → value, e.g. {\"region\": \"north\"}") Map<String, String> dimensions,
            @Schema(description = "The value; for RATIO indicators send numerator and denominator instead") BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            @Size(max = 2000) String comment) {
    }

    @Schema(description = "A batch of one organisation's values for one indicator")
    public record BatchRequest(
            @Schema(description = "The reporting organisation; partners may omit it (their own), staff must send it")
            UUID organisationId,
            @NotNull @Size(min = 1, max = MAX_BATCH) List<@NotNull @Valid ValueBody> values) {
    }

    public record BatchResult(UUID batchId, int accepted, List<SubmissionService.Rejection> rejected) {
    }

}
