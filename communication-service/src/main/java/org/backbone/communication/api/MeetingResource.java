package org.backbone.communication.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.backbone.communication.domain.meeting.Invitation;
import org.backbone.communication.domain.meeting.MeetingStatus;
import org.backbone.communication.domain.meeting.MeetingTimes;
import org.backbone.communication.persistence.Meetings;
import org.backbone.communication.service.MeetingCalendar;
import org.backbone.communication.service.MeetingService;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.Sector;
import org.backbone.contracts.communication.MeetingKind;
import org.backbone.kit.http.ETags;
import org.backbone.kit.paging.Page;
import org.backbone.kit.paging.PageParams;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}/meetings")
@Tag(name = "Meetings", description = "Preparing the partners' meetings")
@Authenticated
public class MeetingResource {

    static final String CALENDAR = "text/calendar;charset=UTF-8";

    private final MeetingService meetings;
    private final MeetingCalendar calendar;
    private final CurrentCaller caller;

    MeetingResource(MeetingService meetings, MeetingCalendar calendar, CurrentCaller caller) {
        this.meetings = meetings;
        this.calendar = calendar;
        this.caller = caller;
    }

    public record MeetingRequest(@NotBlank @Size(max = 200) String title, @Size(max = 10_000) String description,
            @NotNull MeetingKind kind,
            @NotNull @Schema(description = "Local start in timeZone, e.g. 2026-12-10T10:00") LocalDateTime startsAt,
            @NotNull @Schema(description = "Local end in timeZone; after startsAt, within 24 hours") LocalDateTime endsAt,
            @NotNull @Size(max = 60) @Schema(description = "IANA zone, e.g. Asia/Jerusalem") String timeZone,
            @Size(max = 500) @Schema(description = "Needed IN_PERSON and HYBRID") String place,
            @Size(max = 2_000) @Pattern(regexp = "https://\\S+", message = "must be an https address")
            @Schema(description = "Needed ONLINE and HYBRID; shown only to staff and the invited") String link,
            @Schema(description = "Every current partner is invited (default false)") Boolean openToAll,
            @Size(max = 200) Set<@NotNull UUID> invitedOrganisationIds, @Size(max = 10) Set<@NotNull PartnerRole> invitedRoles,
            @Size(max = 10) Set<@NotNull Sector> invitedSectors) {

        MeetingService.Draft draft() {
            return new MeetingService.Draft(title, description, kind, new MeetingTimes(startsAt, endsAt, timeZone), place, link,
                    new Invitation(Boolean.TRUE.equals(openToAll), invitedOrganisationIds, invitedRoles, invitedSectors));
        }
    }

    public record MeetingDto(UUID id, UUID initiativeId, String title, String description, MeetingKind kind,
            OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone,
            @Schema(description = "Local start and end in timeZone") LocalDateTime localStart, LocalDateTime localEnd,
            String place, @Schema(description = "Only for staff and the invited; else null") String link, String organiser,
            boolean openToAll, Set<UUID> invitedOrganisationIds, Set<PartnerRole> invitedRoles, Set<Sector> invitedSectors,
            @Schema(description = "Whether the caller is invited (staff always are)") boolean invited,
            MeetingStatus status, String cancelReason, @Schema(description = "iCalendar SEQUENCE") int sequence,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

        static MeetingDto of(MeetingService.Seen seen) {
            Meetings.Meeting m = seen.meeting();
            var zone = java.time.ZoneId.of(m.timeZone());
            return new MeetingDto(m.id(), m.initiativeId(), m.title(), m.description(), MeetingKind.valueOf(m.kind()),
                    m.startsAt(), m.endsAt(), m.timeZone(), m.startsAt().atZoneSameInstant(zone).toLocalDateTime(),
                    m.endsAt().atZoneSameInstant(zone).toLocalDateTime(), m.place(), seen.invited() ? m.link() : null,
                    m.organiser(), m.invitation().openToAll(), m.invitation().organisations(), m.invitation().roles(),
                    m.invitation().sectors(), seen.invited(), MeetingStatus.valueOf(m.status()), m.cancelReason(), m.sequence(),
                    m.createdAt(), m.updatedAt(), m.version());
        }
    }

    public record CancellationRequest(@NotBlank @Size(max = 2_000) String reason) {
    }

    public record StatusRequest(@NotNull @Schema(description = "HELD (once begun) or CLOSED") MeetingStatus status) {
    }

    public record AgendaItemRequest(@NotBlank @Size(max = 300) String title,
            @NotNull @Min(1) @Max(480) @Schema(description = "Minutes, 1 to 480") Integer minutes, @Size(max = 5_000) String notes,
            @Valid ObjectDto object) {

        MeetingService.ItemDraft draft() {
            return new MeetingService.ItemDraft(title, minutes, notes,
                    object == null ? null : new Meetings.ObjectLink(object.service(), object.type(), object.id()));
        }
    }

    public record AgendaItemDto(UUID id, int position, String title, int minutes, String notes, ObjectDto object) {

        static AgendaItemDto of(Meetings.AgendaItem i) {
            return new AgendaItemDto(i.id(), i.position(), i.title(), i.minutes(), i.notes(), i.object() == null ? null
                    : new ObjectDto(i.object().service(), i.object().type(), i.object().id()));
        }
    }

    public record Agenda(List<AgendaItemDto> items, @Schema(description = "The items' minutes together") int minutes) {

        static Agenda of(List<Meetings.AgendaItem> items) {
            return new Agenda(items.stream().map(AgendaItemDto::of).toList(),
                    items.stream().mapToInt(Meetings.AgendaItem::minutes).sum());
        }
    }

    public record OrderRequest(@NotNull @Size(max = 200) List<@NotNull UUID> itemIds) {
    }

    public record RegistrationDto(String userId, UUID organisationId, OffsetDateTime registeredAt) {

        static RegistrationDto of(Meetings.Registration r) {
            return new RegistrationDto(r.userId(), r.organisationId(), r.registeredAt());
        }
    }

    public record AttendanceDto(@NotNull @Size(max = 200) Set<@NotNull UUID> organisationIds) {
    }

    @POST
    @Operation(summary = "Schedule a meeting", description = "Backbone staff only. The invited partners are told.")
    @APIResponse(responseCode = "201", description = "Scheduled")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may read")
    @APIResponse(responseCode = "422", description = "A missing title, kind or time; an end not after the start or more than "
            + "24 hours later; no IANA zone; no place (in person, hybrid) or link (online, hybrid); an invited organisation "
            + "that is no current partner")
    public Uni<Response> schedule(@PathParam("initiativeId") UUID initiative, @NotNull @Valid MeetingRequest request) {
        return meetings.schedule(caller.get(), initiative, request.draft())
                .map(seen -> Response.created(URI.create("/v1/initiatives/" + initiative + "/meetings/" + seen.meeting().id()))
                        .tag(ETags.of(seen.meeting().version())).entity(MeetingDto.of(seen)).build());
    }

    @GET
    @Operation(summary = "List the meetings", description = "Every reader of the initiative, by start; the link only for "
            + "staff and the invited.")
    @APIResponse(responseCode = "200", description = "A page of meetings")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may read")
    @APIResponse(responseCode = "422", description = "A bad limit or cursor")
    public Uni<Page<MeetingDto>> list(@PathParam("initiativeId") UUID initiative,
            @QueryParam("upcoming") @DefaultValue("false") @Parameter(description = "Only those not ended yet") boolean upcoming,
            @BeanParam @Valid PageParams page) {
        return meetings.list(caller.get(), initiative, upcoming, page.limit, page.cursor)
                .map(p -> new Page<>(p.items().stream().map(MeetingDto::of).toList(), p.next()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a meeting")
    @APIResponse(responseCode = "200", description = "The meeting")
    @APIResponse(responseCode = "404", description = "No such meeting, or not one the caller may read")
    public Uni<Response> get(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id) {
        return meetings.get(caller.get(), initiative, id)
                .map(seen -> Response.ok(MeetingDto.of(seen)).tag(ETags.of(seen.meeting().version())).build());
    }

    @GET
    @Path("/{id}.ics")
    @Produces(CALENDAR)
    @Operation(summary = "The meeting as an iCalendar invitation", description = "METHOD:PUBLISH, or METHOD:CANCEL once "
            + "cancelled; SEQUENCE counts its changes; the link only for staff and the invited.")
    @APIResponse(responseCode = "200", description = "text/calendar")
    @APIResponse(responseCode = "404", description = "No such meeting, or not one the caller may read")
    public Uni<Response> ics(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id) {
        return meetings.get(caller.get(), initiative, id).chain(seen -> meetings.agenda(caller.get(), initiative, id)
                .map(agenda -> Response.ok(calendar.invitation(new MeetingCalendar.Entry(seen.meeting(), agenda, seen.invited())))
                        .type(CALENDAR).header("Content-Disposition", "attachment; filename=\"meeting-" + id + ".ics\"")
                        .build()));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a meeting", description = "Backbone staff only, while SCHEDULED; the invited are told and "
            + "the iCalendar SEQUENCE grows. With If-Match, only if unchanged since read.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such meeting, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "It is no longer SCHEDULED")
    @APIResponse(responseCode = "412", description = "Changed since it was read")
    @APIResponse(responseCode = "422", description = "As for scheduling one")
    public Uni<Response> update(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @NotNull @Valid MeetingRequest request) {
        return meetings.update(caller.get(), initiative, id, ifMatch, request.draft())
                .map(seen -> Response.ok(MeetingDto.of(seen)).tag(ETags.of(seen.meeting().version())).build());
    }

    @PUT
    @Path("/{id}/cancellation")
    @Operation(summary = "Cancel a meeting", description = "Backbone staff only, while SCHEDULED, with the reason; final. "
            + "Its invitation becomes METHOD:CANCEL.")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such meeting, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "It is no longer SCHEDULED")
    @APIResponse(responseCode = "422", description = "No reason")
    public Uni<Response> cancel(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @NotNull @Valid CancellationRequest request) {
        return meetings.cancel(caller.get(), initiative, id, request.reason())
                .map(seen -> Response.ok(MeetingDto.of(seen)).tag(ETags.of(seen.meeting().version())).build());
    }

    @PUT
    @Path("/{id}/status")
    @Operation(summary = "Hold or close a meeting", description = "Backbone staff only. HELD once it has begun; CLOSED from "
            + "HELD (publishing its minutes closes it too).")
    @APIResponse(responseCode = "200", description = "Moved")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such meeting, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "Not begun yet; not in the status it moves from")
    @APIResponse(responseCode = "422", description = "No status; CANCELLED (cancel with a reason) or SCHEDULED")
    public Uni<Response> status(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @NotNull @Valid StatusRequest request) {
        return meetings.setStatus(caller.get(), initiative, id, request.status())
                .map(seen -> Response.ok(MeetingDto.of(seen)).tag(ETags.of(seen.meeting().version())).build());
    }

    @GET
    @Path("/{id}/agenda-items")
    @Operation(summary = "The meeting's agenda", description = "Every reader of the initiative; in order.")
    @APIResponse(responseCode = "200", description = "The agenda")
    @APIResponse(responseCode = "404", description = "No such meeting, or not one the caller may read")
    public Uni<Agenda> agenda(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id) {
        return meetings.agenda(caller.get(), initiative, id).map(Agenda::of);
    }

    @POST
    @Path("/{id}/agenda-items")
    @Operation(summary = "Add an agenda item", description = "Backbone staff only, while SCHEDULED; appended at the end.")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such meeting, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "It is no longer SCHEDULED")
    @APIResponse(responseCode = "422", description = "No title; minutes outside 1–480; an object the initiative does not know")
    public Uni<Response> addItem(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @NotNull @Valid AgendaItemRequest request) {
        return meetings.addItem(caller.get(), initiative, id, request.draft())
                .map(item -> Response.created(URI.create("/v1/initiatives/" + initiative + "/meetings/" + id + "/agenda-items/"
                        + item.id())).entity(AgendaItemDto.of(item)).build());
    }

    @POST
    @Path("/{id}/agenda-items/suggested")
    @Operation(summary = "Add what Backbone suggests", description = "Backbone staff only, while SCHEDULED: appends the "
            + "suggested agenda (overdue action items, decisions due for review, indicators off track or at risk, overdue "
            + "reports, open gaps and overlaps), each linked to its object.")
    @APIResponse(responseCode = "200", description = "The whole agenda now")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such meeting, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "It is no longer SCHEDULED")
    public Uni<Agenda> addSuggested(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id) {
        return meetings.addSuggested(caller.get(), initiative, id).map(Agenda::of);
    }

    @PUT
    @Path("/{id}/agenda-items/order")
    @Operation(summary = "Reorder the agenda", description = "Backbone staff only, while SCHEDULED: every item, each once.")
    @APIResponse(responseCode = "200", description = "The agenda in its new order")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such meeting, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "It is no longer SCHEDULED")
    @APIResponse(responseCode = "422", description = "Not every item of the agenda once")
    public Uni<Agenda> reorder(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @NotNull @Valid OrderRequest request) {
        return meetings.reorder(caller.get(), initiative, id, request.itemIds()).map(Agenda::of);
    }

    @PUT
    @Path("/{id}/agenda-items/{item}")
    @Operation(summary = "Change an agenda item", description = "Backbone staff only, while SCHEDULED.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such meeting or item, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "It is no longer SCHEDULED")
    @APIResponse(responseCode = "422", description = "As for adding one")
    public Uni<AgendaItemDto> updateItem(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @PathParam("item") UUID item, @NotNull @Valid AgendaItemRequest request) {
        return meetings.updateItem(caller.get(), initiative, id, item, request.draft()).map(AgendaItemDto::of);
    }

    @DELETE
    @Path("/{id}/agenda-items/{item}")
    @Operation(summary = "Remove an agenda item", description = "Backbone staff only, while SCHEDULED; the rest close up.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such meeting or item, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "It is no longer SCHEDULED")
    public Uni<Response> removeItem(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @PathParam("item") UUID item) {
        return meetings.removeItem(caller.get(), initiative, id, item).map(done -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/registrations")
    @Operation(summary = "Who registered", description = "Staff see everyone; a member of an invited partner its own "
            + "organisation's registrations.")
    @APIResponse(responseCode = "200", description = "The registrations")
    @APIResponse(responseCode = "403", description = "Neither staff nor a member of an invited partner")
    @APIResponse(responseCode = "404", description = "No such meeting, or not one the caller may read")
    public Uni<List<RegistrationDto>> registrations(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id) {
        return meetings.registrations(caller.get(), initiative, id)
                .map(all -> all.stream().map(RegistrationDto::of).toList());
    }

    @POST
    @Path("/{id}/registrations")
    @Operation(summary = "Register the caller", description = "Staff and members of the invited partners, while SCHEDULED "
            + "and before it ends. Registering twice is one registration.")
    @APIResponse(responseCode = "200", description = "Registered")
    @APIResponse(responseCode = "403", description = "Neither staff nor a member of an invited partner")
    @APIResponse(responseCode = "404", description = "No such meeting, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "No longer SCHEDULED, or ended")
    public Uni<RegistrationDto> register(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id) {
        return meetings.register(caller.get(), initiative, id).map(RegistrationDto::of);
    }

    @DELETE
    @Path("/{id}/registrations/me")
    @Operation(summary = "Withdraw the caller's registration", description = "While SCHEDULED.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No such meeting, or the caller was not registered")
    @APIResponse(responseCode = "409", description = "No longer SCHEDULED")
    public Uni<Response> unregister(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id) {
        return meetings.unregister(caller.get(), initiative, id).map(done -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/attendance")
    @Operation(summary = "Which partner organisations came", description = "Every reader of the initiative.")
    @APIResponse(responseCode = "200", description = "The attending organisations")
    @APIResponse(responseCode = "404", description = "No such meeting, or not one the caller may read")
    public Uni<AttendanceDto> attendance(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id) {
        return meetings.attendance(caller.get(), initiative, id).map(AttendanceDto::new);
    }

    @PUT
    @Path("/{id}/attendance")
    @Operation(summary = "Record which partner organisations came", description = "Backbone staff only, once the meeting has "
            + "begun and until its minutes are circulated: those organisations' members amend and approve the minutes.")
    @APIResponse(responseCode = "200", description = "Recorded")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such meeting, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "Not begun; cancelled or closed; minutes circulated already")
    @APIResponse(responseCode = "422", description = "An organisation that is no current partner the meeting invited")
    public Uni<AttendanceDto> setAttendance(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @NotNull @Valid AttendanceDto request) {
        return meetings.setAttendance(caller.get(), initiative, id, request.organisationIds()).map(AttendanceDto::new);
    }
}
