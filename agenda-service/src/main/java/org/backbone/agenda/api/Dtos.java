package org.backbone.agenda.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.agenda.domain.AgendaDiff;
import org.backbone.agenda.domain.Ballot;
import org.backbone.contracts.agenda.Decision;
import org.backbone.contracts.agenda.Horizon;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.Sector;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the agenda API. Names ≤ 200 characters, texts ≤ 10,000. */
public final class Dtos {

    static final int NAME = 200;
    static final int TEXT = 10_000;

    private Dtos() {
    }

    @Schema(description = "An organisation to register; send `id` to link an identity-provider or demo id")
    public record OrganisationRequest(
            UUID id,
            @NotBlank @Size(max = NAME) @Schema(examples = "Atid STEM Network") String name,
            @NotNull @Schema(examples = "NONPROFIT") Sector sector,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") @Schema(examples = "IL") String country,
            @Size(max = NAME) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String website) {
    }

    public record Organisation(UUID id, String name, Sector sector, String country, String website,
            OffsetDateTime createdAt, long version) {
    }

    public record RatificationRuleBody(@NotNull RatificationKind kind,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
            @Schema(description = "QUORUM only: the share of voting partners that must endorse, 0 < q ≤ 1, at most five "
                    + "decimal places", examples = "0.66667") BigDecimal quorum) {
    }

    public record BoundariesBody(
            @Size(max = 200) List<@NotBlank @Size(max = NAME) String> geography,
            @Size(max = TEXT) String population,
            LocalDate timeframeFrom,
            LocalDate timeframeTo,
            @Size(max = 200) List<@NotBlank @Size(max = TEXT) String> inScope,
            @Size(max = 200) List<@NotBlank @Size(max = TEXT) String> outOfScope) {
    }

    @Schema(description = "An initiative's descriptive fields and ratification rule")
    public record InitiativeRequest(
            @NotBlank @Size(max = NAME) @Schema(examples = "TOP15") String name,
            @Size(max = TEXT) String problemStatement,
            @Size(max = TEXT) String vision,
            @Size(max = TEXT) String mission,
            @Valid BoundariesBody boundaries,
            @NotNull @Valid RatificationRuleBody ratificationRule) {
    }

    public record Initiative(UUID id, String name, String problemStatement, String vision, String mission,
            BoundariesBody boundaries, RatificationRuleBody ratificationRule, Integer currentVersion,
            String createdBy, OffsetDateTime createdAt, long version) {
    }

    public record JoinRequest(@NotNull UUID organisationId, @NotNull PartnerRole role) {
    }

    public record Partner(UUID organisationId, String name, Sector sector, PartnerRole role,
            OffsetDateTime joinedAt, OffsetDateTime leftAt) {
    }

    public record GoalBody(
            @Schema(description = "Stable across versions; send the id of an existing goal to keep it, or omit for a new one")
            UUID id,
            UUID parentId,
            @NotBlank @Size(max = NAME) String title,
            @Size(max = TEXT) String description,
            @NotNull Horizon horizon,
            @Size(max = NAME) String equityFocus) {
    }

    @Schema(description = "The content partners agree on")
    public record AgendaBody(
            @Size(max = TEXT) String problemStatement,
            @Size(max = TEXT) String vision,
            @Size(max = TEXT) String mission,
            @Valid BoundariesBody boundaries,
            @NotNull @Size(max = 500) List<@NotNull @Valid GoalBody> goals) {
    }

    public record Draft(AgendaBody content, String updatedBy, OffsetDateTime updatedAt, long version) {
    }

    public record Agenda(AgendaVersion current, Draft draft, Integer openVersion) {
    }

    public record Tally(int voters, int endorsements, int objections, boolean foundingObjection) {
    }

    public record AgendaVersion(int number, Ballot.Status status, AgendaBody content, Map<UUID, PartnerRole> electorate,
            Tally tally, String proposedBy, OffsetDateTime proposedAt, OffsetDateTime closedAt) {
    }

    public record DecisionRequest(@NotNull Decision decision, @Size(max = TEXT) String comment) {
    }

    public record Endorsement(UUID organisationId, Decision decision, String comment, String decidedBy,
            OffsetDateTime decidedAt) {
    }

    public record GoalView(UUID id, UUID parentId, String title, String description, Horizon horizon,
            String equityFocus, String status, int activatedIn, Integer retiredIn) {
    }

    public record Diff(int from, int to, AgendaDiff changes) {
    }
}
