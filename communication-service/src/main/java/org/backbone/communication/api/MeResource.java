package org.backbone.communication.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.backbone.communication.domain.FeedSummaries;
import org.backbone.communication.domain.notification.NotificationText;
import org.backbone.communication.persistence.Notifications;
import org.backbone.communication.service.NotificationService;
import org.backbone.kit.paging.PageParams;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/me")
@Tag(name = "Me", description = "The caller's own notifications, watches and notification preferences")
@Authenticated
public class MeResource {

    private final NotificationService notifications;
    private final CurrentCaller caller;

    MeResource(NotificationService notifications, CurrentCaller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    public record Notification(long seq, String kind, UUID initiativeId, FeedView.FeedObject object, String text,
            OffsetDateTime createdAt, OffsetDateTime readAt) {
    }

    public record Inbox(@Schema(description = "How many are unread, of all") long unread, List<Notification> items, String next) {
    }

    public record ReadUpTo(@NotNull @Min(0) Long upTo) {
    }

    public record Marked(int marked) {
    }

    public record WatchRequest(@NotNull @Pattern(regexp = "MUTED|NORMAL|WATCHING", message = "must be MUTED, NORMAL or WATCHING")
            String level) {
    }

    public record Watch(String objectType, String objectId, String level) {
    }

    public record PreferenceRequest(@NotNull Boolean inApp,
            @NotNull @Pattern(regexp = "NONE|IMMEDIATE|DAILY|WEEKLY", message = "must be NONE, IMMEDIATE, DAILY or WEEKLY")
            @Schema(description = "Email: NONE, IMMEDIATE, or in a DAILY or WEEKLY digest (see /v1/me/mail-settings)") String email) {
    }

    public record Preference(String kind, boolean inApp, String email) {
    }

    public record MailSetting(
            @NotNull @jakarta.validation.constraints.Size(min = 1, max = 64)
            @Schema(description = "An IANA time zone, e.g. Asia/Jerusalem", example = "Asia/Jerusalem") String timeZone,
            @NotNull @Min(0) @jakarta.validation.constraints.Max(23)
            @Schema(description = "The hour of the day, in that zone, the digests go out (0–23)") Integer digestHour,
            @NotNull @Pattern(regexp = "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY",
                    message = "must be a day of the week in capitals, e.g. SUNDAY")
            @Schema(description = "The day the weekly digest goes out") String weeklyDay) {
    }

    @GET
    @Path("/notifications")
    @Operation(summary = "My notifications", description = "Newest first, cursor-paged, with the unread count; "
            + "texts in the language of Accept-Language.")
    @APIResponse(responseCode = "200", description = "A page of notifications")
    @APIResponse(responseCode = "422", description = "A malformed cursor or limit")
    public Uni<Inbox> inbox(@QueryParam("unread") Boolean unreadOnly, @BeanParam @Valid PageParams page,
            @Context HttpHeaders headers) {
        Locale locale = FeedSummaries.choose(headers.getAcceptableLanguages());
        return notifications.inbox(caller.get(), Boolean.TRUE.equals(unreadOnly), page.limit, page.cursor).map(inbox -> new Inbox(inbox.unread(),
                inbox.page().items().stream().map(n -> view(n, locale)).toList(), inbox.page().next()));
    }

    @GET
    @Path("/notifications/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow my notifications", description = "Server-Sent Events: `notification` events (id = its "
            + "seq, data = the notification), a comment every 20 s, `retry:` 3 s; with Last-Event-ID, first what came after it.")
    @APIResponse(responseCode = "200", description = "The stream")
    @APIResponse(responseCode = "422", description = "A Last-Event-ID that is not a notification's seq")
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse,
            @Context HttpHeaders headers) {
        Locale locale = FeedSummaries.choose(headers.getAcceptableLanguages());
        Long after = LastEventId.parse(lastEventId, "a notification");
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(sse.newEventBuilder().comment("notifications").reconnectDelay(FeedResource.RETRY_MILLIS).build()),
                notifications.follow(caller.get(), after).map(item -> item.notification() == null
                        ? sse.newEventBuilder().comment("heartbeat").build()
                        : sse.newEventBuilder().id(Long.toString(item.notification().seq())).name("notification")
                                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Notification.class, view(item.notification(), locale))
                                .reconnectDelay(FeedResource.RETRY_MILLIS).build()));
    }


    @POST
    @Path("/notifications/{seq}/read")
    @Operation(summary = "Mark one notification read")
    @APIResponse(responseCode = "204", description = "Read")
    @APIResponse(responseCode = "404", description = "No such notification of mine")
    public Uni<Response> read(@PathParam("seq") long seq) {
        return notifications.markRead(caller.get(), seq).map(v -> Response.noContent().build());
    }

    @POST
    @Path("/notifications/read")
    @Operation(summary = "Mark all read up to a seq", description = "Every notification of mine up to `upTo` (the newest "
            + "one I have seen), so one that arrives meanwhile stays unread.")
    @APIResponse(responseCode = "200", description = "How many were marked")
    @APIResponse(responseCode = "422", description = "No `upTo`")
    public Uni<Marked> readAll(@NotNull @Valid ReadUpTo request) {
        return notifications.markAllRead(caller.get(), request.upTo()).map(Marked::new);
    }

    @GET
    @Path("/watches")
    @Operation(summary = "What I watch or muted")
    @APIResponse(responseCode = "200", description = "My watches")
    public Uni<List<Watch>> watches() {
        return notifications.watches(caller.get())
                .map(list -> list.stream().map(w -> new Watch(w.objectType(), w.objectId(), w.level())).toList());
    }

    @PUT
    @Path("/watches/{objectType}/{objectId}")
    @Operation(summary = "Watch, or mute, an initiative, goal, indicator or activity", description = "WATCHING: told of "
            + "everything on it; NORMAL: told when concerned; MUTED: never told of it (Discourse's levels).")
    @APIResponse(responseCode = "200", description = "Set")
    @APIResponse(responseCode = "404", description = "No such object, or not one I may read")
    @APIResponse(responseCode = "422", description = "An object type that cannot be watched, or no level")
    public Uni<Watch> watch(
            @PathParam("objectType") @Pattern(regexp = "initiative|goal|indicator|activity", message = "must be initiative, goal, indicator or activity") String objectType,
            @PathParam("objectId") @Pattern(regexp = "[A-Za-z0-9._-]{1,100}", message = "must be an object id") String objectId,
            @NotNull @Valid WatchRequest request) {
        return notifications.watch(caller.get(), objectType, objectId, request.level())
                .map(w -> new Watch(w.objectType(), w.objectId(), w.level()));
    }

    @DELETE
    @Path("/watches/{objectType}/{objectId}")
    @Operation(summary = "Forget a watch (back to NORMAL)")
    @APIResponse(responseCode = "204", description = "Forgotten")
    @APIResponse(responseCode = "404", description = "No such watch of mine")
    public Uni<Response> unwatch(@PathParam("objectType") String objectType, @PathParam("objectId") String objectId) {
        return notifications.unwatch(caller.get(), objectType, objectId).map(v -> Response.noContent().build());
    }

    @GET
    @Path("/notification-preferences")
    @Operation(summary = "My preferences, for every kind", description = "In the app by default; mailed at once what asks "
            + "something of me (a vote) or breaks my integration (a disabled webhook), partners coming and going weekly, "
            + "the rest in the daily digest.")
    @APIResponse(responseCode = "200", description = "Every kind with its settings")
    public Uni<List<Preference>> preferences() {
        return notifications.preferences(caller.get())
                .map(list -> list.stream().map(p -> new Preference(p.kind(), p.inApp(), p.email())).toList());
    }

    @PUT
    @Path("/notification-preferences/{kind}")
    @Operation(summary = "Set how I am told of one kind")
    @APIResponse(responseCode = "200", description = "Set")
    @APIResponse(responseCode = "404", description = "No such kind")
    @APIResponse(responseCode = "422", description = "A missing or unknown setting")
    public Uni<Preference> prefer(@PathParam("kind") String kind, @NotNull @Valid PreferenceRequest request) {
        return notifications.prefer(caller.get(), new Notifications.Preference(kind, request.inApp(), request.email()))
                .map(p -> new Preference(p.kind(), p.inApp(), p.email()));
    }

    @GET
    @Path("/mail-settings")
    @Operation(summary = "When my digests are mailed", description = "Until I choose: 08:00 in my account's time zone "
            + "(else Asia/Jerusalem), the weekly one on Sunday.")
    @APIResponse(responseCode = "200", description = "My settings, or the defaults")
    public Uni<MailSetting> mailSetting() {
        return notifications.mailSetting(caller.get()).map(m -> new MailSetting(m.timeZone(), m.digestHour(), m.weeklyDay()));
    }

    @PUT
    @Path("/mail-settings")
    @Operation(summary = "Set when my digests are mailed")
    @APIResponse(responseCode = "200", description = "Set")
    @APIResponse(responseCode = "422", description = "A missing field, an unknown time zone, an hour outside 0–23 or an unknown day")
    public Uni<MailSetting> setMailSetting(@NotNull @Valid MailSetting request) {
        return notifications.setMailSetting(caller.get(), new Notifications.MailSetting(request.timeZone(), request.digestHour(),
                request.weeklyDay())).map(m -> new MailSetting(m.timeZone(), m.digestHour(), m.weeklyDay()));
    }

    private static Notification view(Notifications.Notification n, Locale locale) {
        return new Notification(n.seq(), n.kind(), n.initiative(),
                new FeedView.FeedObject(n.objectService(), n.objectType(), n.objectId(), n.title()),
                NotificationText.render(n.kind(), n.verb(), n.title(), n.objectId(), n.params(), locale), n.createdAt(), n.readAt());
    }
}
