package org.backbone.communication.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.backbone.communication.service.FeedService;
import org.backbone.kit.security.CurrentCaller;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Checks a stream's caller before the stream opens: once an event stream has answered 200 a refusal
 * can only close it, so a caller who may not read the initiative gets the 404 problem here instead.
 */
public class StreamAccess {

    private final FeedService feed;
    private final CurrentCaller caller;

    StreamAccess(FeedService feed, CurrentCaller caller) {
        this.feed = feed;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Uni<Response> beforeStream(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource.getResourceClass() != FeedResource.class || !"stream".equals(resource.getMethodName())) {
            return null;
        }
        String initiative = request.getUriInfo().getPathParameters().getFirst("initiativeId");
        UUID id;
        try {
            id = UUID.fromString(initiative);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null; // the resource answers a malformed id as it answers every other
        }
        return feed.readable(caller.get(), id).replaceWith((Response) null);
    }
}
