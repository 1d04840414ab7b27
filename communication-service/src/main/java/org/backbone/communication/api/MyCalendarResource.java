package org.backbone.communication.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.backbone.communication.service.CalendarFeedService;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/me")
@Tag(name = "Meetings", description = "Preparing the partners' meetings")
public class MyCalendarResource {

    private final CalendarFeedService feeds;
    private final CurrentCaller caller;
    private final io.quarkus.security.identity.CurrentIdentityAssociation identity;

    MyCalendarResource(CalendarFeedService feeds, CurrentCaller caller,
            io.quarkus.security.identity.CurrentIdentityAssociation identity) {
        this.feeds = feeds;
        this.caller = caller;
        this.identity = identity;
    }

    public record CalendarFeed(@Schema(description = "The private address of the caller's meetings; shown once") String url) {
    }

    @GET
    @Path("/meetings.ics")
    @PermitAll
    @Produces(MeetingResource.CALENDAR)
    @Operation(summary = "The caller's meetings as an iCalendar feed", description = "By the private token of "
            + "PUT /v1/me/calendar-feed (what calendar applications use: they cannot sign in), or signed in. The meetings "
            + "that invite the caller's organisation (staff: all), from 90 days back.")
    @APIResponse(responseCode = "200", description = "text/calendar")
    @APIResponse(responseCode = "401", description = "Neither a token nor signed in")
    @APIResponse(responseCode = "404", description = "A token that is unknown, revoked, or whose owner left")
    public Uni<Response> feed(@QueryParam("token") @Parameter(description = "The feed's private token") String token) {
        Uni<String> body = token != null ? feeds.byToken(token)
                // lazily: the identity of a PermitAll request is resolved off the IO thread
                : identity.getDeferredIdentity().map(CurrentCaller::from).chain(who -> who.subject() == null
                        ? Uni.createFrom().failure(new io.quarkus.security.UnauthorizedException())
                        : feeds.mine(who));
        return body.map(ics -> Response.ok(ics).type(MeetingResource.CALENDAR).header("Cache-Control", "private, max-age=300")
                .build());
    }

    @PUT
    @Path("/calendar-feed")
    @Authenticated
    @Operation(summary = "A new private calendar address", description = "Staff and partners' members. The address is "
            + "shown once; the previous one stops working.")
    @APIResponse(responseCode = "200", description = "The new address")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Neither staff nor a partner's member")
    public Uni<CalendarFeed> renew() {
        return feeds.renew(caller.get()).map(CalendarFeed::new);
    }

    @DELETE
    @Path("/calendar-feed")
    @Authenticated
    @Operation(summary = "Revoke the private calendar address")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "404", description = "The caller has none")
    public Uni<Response> revoke() {
        return feeds.revoke(caller.get()).map(done -> Response.noContent().build());
    }
}
