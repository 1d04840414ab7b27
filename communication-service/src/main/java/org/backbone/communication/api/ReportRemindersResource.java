package org.backbone.communication.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.backbone.communication.service.ReportReminderService;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}/report-reminders")
@Tag(name = "Report reminders", description = "When partners are reminded of indicator values they owe")
@Authenticated
public class ReportRemindersResource {

    private final ReportReminderService reminders;
    private final CurrentCaller caller;

    ReportRemindersResource(ReportReminderService reminders, CurrentCaller caller) {
        this.reminders = reminders;
        this.caller = caller;
    }

    public record Settings(@NotNull @Min(0) @Max(365)
            @Schema(description = "Days after a period ends that a report is still on time (0–365; 14 unless set). A "
                    + "reporter without a value is reminded the day after the period ends (report.due) and again when "
                    + "these days are over (report.overdue, staff told too).") Integer graceDays) {
    }

    @GET
    @Operation(summary = "The initiative's grace for reports")
    @APIResponse(responseCode = "200", description = "The settings, or the defaults")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may read")
    public Uni<Settings> get(@PathParam("initiativeId") UUID initiative) {
        return reminders.graceDays(caller.get(), initiative).map(Settings::new);
    }

    @PUT
    @Operation(summary = "Set the initiative's grace for reports", description = "Backbone staff only.")
    @APIResponse(responseCode = "200", description = "Set")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may read")
    @APIResponse(responseCode = "422", description = "No graceDays, or one outside 0–365")
    public Uni<Settings> set(@PathParam("initiativeId") UUID initiative, @NotNull @Valid Settings settings) {
        return reminders.setGraceDays(caller.get(), initiative, settings.graceDays()).map(Settings::new);
    }
}
