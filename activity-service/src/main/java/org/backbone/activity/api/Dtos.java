package org.backbone.activity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.backbone.activity.domain.ActivityStatus;
import org.backbone.activity.domain.FindingState;
import org.backbone.activity.domain.ReachReports;
import org.backbone.contracts.activity.ReportStatus;
import org.backbone.contracts.activity.FindingKind;
import org.backbone.contracts.activity.ParticipationRole;
import org.backbone.kit.validation.StorableNumber;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the activity API. Codes ≤ 64 characters, titles ≤ 200, texts ≤ 10,000. */
public final class Dtos {

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String CODE_MESSAGE = "must be a code: letters, digits, '.', '_' or '-', at most 64";

    private Dtos() {
    }

    public record Entry(@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) @Schema(examples = "N-HAI") String code,
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String parent,
            @NotBlank @Size(max = 200) @Schema(examples = "Haifa") String label) {
    }

    @Schema(description = "A whole vocabulary; PUT replaces it")
    public record VocabularyBody(@NotNull @Size(max = 5000) List<@NotNull @Valid Entry> entries) {
    }

    public record Vocabulary(String kind, List<Entry> entries, long version) {
    }

    @Schema(description = "The coverage plan: the location level cells are counted at, the period and the boundaries")
    public record SettingsBody(
            @Min(1) @Max(10) @Schema(examples = "2", description = "1 = the roots of the location tree") int coverageLevel,
            @NotNull @Size(max = 16) @Schema(examples = "2025Sep") String period,
            @Size(max = 500) List<@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String> boundaries) {
    }

    public record Settings(int coverageLevel, String period, List<String> boundaries, long version) {
    }

    public record ParticipantBody(@NotNull UUID organisationId, @NotNull ParticipationRole role) {
    }

    public record PlaceBody(@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String location,
            @Schema(description = "The activity reaches all of this area, not only part of it") boolean wholeArea) {
    }

    public record ReachBody(@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String targetGroup,
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String location,
            @Min(0) @Max(100_000_000) @Schema(description = "People, 0 to 100,000,000") long count) {
    }

    public record BudgetBody(
            @NotNull @DecimalMin("0") @DecimalMax("1000000000000") @StorableNumber
            @Schema(description = "0 to 10^12, exact, at most 6 decimals") BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") @Schema(examples = "ILS") String currency,
            UUID funder) {
    }

    @Schema(description = "An activity as a partner describes it")
    public record ActivityBody(
            @NotBlank @Size(max = 200) @Schema(examples = "Maths club for girls, Haifa") String title,
            @Size(max = 10_000) String description,
            @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) @Schema(examples = "after-school-club") String activityType,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid ParticipantBody> participants,
            @NotNull @Size(max = 50) List<@NotNull UUID> goalIds,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid PlaceBody> places,
            @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String> targetGroups,
            @NotNull LocalDate plannedStart,
            @NotNull LocalDate plannedEnd,
            @Size(max = 1000) List<@NotNull @Valid ReachBody> plannedReach,
            @Valid BudgetBody budget,
            @Size(max = 150) String iatiIdentifier) {
    }

    public record Activity(UUID id, UUID initiativeId, String title, String description, String activityType,
            ActivityStatus status, String statusReason, List<ParticipantBody> participants, List<UUID> goalIds,
            List<PlaceBody> places, List<String> targetGroups, LocalDate plannedStart, LocalDate plannedEnd,
            LocalDate actualStart, LocalDate actualEnd, List<ReachBody> plannedReach,
            @Schema(description = "Only for staff and the activity's own organisations") BudgetBody budget,
            String iatiIdentifier, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
    }

    @Schema(description = "A status move: ONGOING needs actualStart, SUSPENDED and CANCELLED a reason, COMPLETED actualEnd")
    public record TransitionBody(@NotNull ActivityStatus status, @Size(max = 2000) String reason,
            LocalDate actualStart, LocalDate actualEnd) {
    }

    public record Finding(UUID id, FindingKind kind, FindingState state, UUID goalId, String location,
            String targetGroup, String period, UUID indicatorId, List<UUID> activityIds, List<UUID> organisationIds, Integer score,
            String dismissedReason, OffsetDateTime openedAt, OffsetDateTime updatedAt) {
    }

    public record DismissBody(@NotBlank @Size(max = 2000) String reason) {
    }

    public record Recomputed(int findings, int opened, int resolved) {
    }

    public record CoverageCount(UUID goalId, FindingKind kind, long open) {
    }

    public record Coverage(Settings settings, List<CoverageCount> open) {
    }

    public record ReachLineBody(@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String targetGroup,
            @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String location,
            @Min(0) @Max(100_000_000) @Schema(description = "People reached, 0 to 100,000,000") long reached) {
    }

    @Schema(description = "What an activity reached in one calendar quarter")
    public record ReportBody(
            @NotNull @Pattern(regexp = "\\d{4}Q[1-4]", message = "must be a calendar quarter such as 2026Q1")
            @Schema(examples = "2026Q1") String period,
            @NotEmpty @Size(max = 1000) List<@NotNull @Valid ReachLineBody> lines,
            @Size(max = 10_000) String narrative) {
    }

    @Schema(description = "A quarter of an activity: DUE (no report yet), or its report")
    public record Report(UUID id, String period, ReportStatus status, List<ReachLineBody> lines, Long totalReached,
            String narrative, OffsetDateTime submittedAt, String reviewComment, OffsetDateTime reviewedAt, Long version) {
    }

    @Schema(description = "ACCEPTED, or SENT_BACK with a comment")
    public record ReviewBody(@NotNull ReachReports.Status status, @Size(max = 2000) String comment) {
    }

    @Schema(description = "A contribution to an indicator's target for a period")
    public record CommitmentBody(@NotNull UUID organisationId, @NotNull UUID indicatorId,
            @NotNull @Size(max = 16) @Schema(examples = "2025Sep") String period,
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String location,
            @NotNull @DecimalMin("0") @DecimalMax("1000000000000") @StorableNumber
            @Schema(description = "0 to 10^12, exact, at most 6 decimals, in the indicator's unit") BigDecimal amount,
            @Size(max = 2000) String note) {
    }

    public record Commitment(UUID id, UUID organisationId, UUID indicatorId, String period, String location,
            BigDecimal amount, String note, boolean withdrawn, OffsetDateTime createdAt) {
    }

    @Schema(description = "An indicator's target for a period against what partners committed; sums only where "
            + "the indicator's aggregation is SUM (additive)")
    public record LedgerLine(UUID indicatorId, String code, String period, String aggregation, boolean additive,
            BigDecimal target, BigDecimal committed, BigDecimal unallocated, BigDecimal overCommitted,
            List<String> findings, List<Commitment> commitments) {
    }

    @Schema(description = "What an import did: rows read, rows that pass, the activities created (none on a dry run) "
            + "and every refused row by its line")
    public record ImportReport(boolean dryRun, boolean partial, int rows, int accepted, List<UUID> imported,
            List<RowProblem> rejected) {
    }

    @Schema(description = "A fault of one CSV row; field is named as in the JSON body of a registration")
    public record RowProblem(int line, String field, String message) {
    }
}
