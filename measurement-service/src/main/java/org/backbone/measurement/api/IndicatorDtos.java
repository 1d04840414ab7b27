package org.backbone.measurement.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.contracts.measurement.Direction;
import org.backbone.contracts.measurement.Periodicity;
import org.backbone.contracts.measurement.ValueType;
import org.backbone.contracts.measurement.Visibility;
import org.backbone.kit.validation.StorableNumber;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the indicator API. */
public final class IndicatorDtos {

    private IndicatorDtos() {
    }

    public record Baseline(@NotBlank @Schema(examples = "2025Sep") String period, @NotNull @StorableNumber BigDecimal value) {
    }

    public record ValidRange(@StorableNumber BigDecimal min, @StorableNumber BigDecimal max) {
    }

    @Schema(description = "A shared indicator: one definition every partner reports against")
    public record IndicatorRequest(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be 2–40 capitals, digits or _, starting with a letter")
            @Schema(examples = "ADV_MATH_SHARE") String code,
            @NotBlank @Size(max = 200) @Schema(examples = "Share of pupils taking 5-unit mathematics") String name,
            @Size(max = 10_000) String definition,
            @Size(max = 50) @Schema(examples = "%") String unit,
            @NotNull ValueType valueType,
            @NotNull Direction direction,
            @NotNull Aggregation aggregation,
            @NotNull Periodicity periodicity,
            @Min(1) @Max(12) @Schema(description = "First month of a SCHOOL_YEAR (9 = September)") Integer schoolYearStartMonth,
            @Size(max = 10) Map<@Pattern(regexp = "[a-z][a-z0-9_]{0,39}") String, @NotNull @Size(min = 1, max = 200) List<@NotBlank String>> dimensions,
            @NotNull @Size(max = 50) List<@NotNull UUID> goalIds,
            @Valid Baseline baseline,
            @Size(max = 500) @Schema(description = "Period code → target; every number at most 15 digits before the decimal point and 6 after it")
            Map<String, @NotNull @StorableNumber BigDecimal> targets,
            @Valid ValidRange validRange,
            @Schema(description = "Organisations that report it; empty or absent means every partner") List<@NotNull UUID> reporters,
            @NotNull Visibility visibility,
            boolean approvalRequired) {
    }

    public record Indicator(UUID id, UUID initiativeId, String code, String name, String definition, String unit,
            ValueType valueType, Direction direction, Aggregation aggregation, Periodicity periodicity,
            Integer schoolYearStartMonth, Map<String, List<String>> dimensions, List<UUID> goalIds, Baseline baseline,
            Map<String, BigDecimal> targets, ValidRange validRange, List<UUID> reporters, Visibility visibility,
            boolean approvalRequired, String status, OffsetDateTime createdAt, long version) {
    }
}
