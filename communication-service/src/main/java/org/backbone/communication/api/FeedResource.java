package org.backbone.communication.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.backbone.communication.domain.FeedSummaries;
import org.backbone.communication.persistence.FeedEntries;
import org.backbone.communication.persistence.FeedEntry;
import org.backbone.communication.service.FeedService;
import org.backbone.communication.service.FeedService.Streamed;
import org.backbone.kit.paging.Page;
import org.backbone.kit.paging.PageParams;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/v1/initiatives/{initiativeId}/feed")
@Tag(name = "Feed", description = "Everything that happens in an initiative, as it happens, as far as the reader may see it.")
@Authenticated
public class FeedResource {

    /** How long a client waits before reconnecting a dropped stream. */
    static final long RETRY_MILLIS = 3_000;

    private final FeedService feed;
    private final CurrentCaller caller;

    FeedResource(FeedService feed, CurrentCaller caller) {
        this.feed = feed;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Read the feed", description = "Newest first, cursor-paged; filtered by type (a verb or its "
            + "start, e.g. `activity.`), object type and id, and actor. Summaries in the language of Accept-Language.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "422", description = "A malformed filter or cursor")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    public Uni<Page<FeedView>> list(@PathParam("initiativeId") UUID initiative,
            @QueryParam("type") @Size(max = 200) @Pattern(regexp = "[a-z0-9.-]*", message = "must be a verb or its start, e.g. activity.") String type,
            @QueryParam("objectType") @Size(max = 100) @Pattern(regexp = "[a-z0-9-]*", message = "must be an object type, e.g. activity") String objectType,
            @QueryParam("objectId") @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "must be an object id") String objectId,
            @QueryParam("actor") @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "must be an actor") String actor,
            @BeanParam @Valid PageParams page, @Context HttpHeaders headers) {
        Locale locale = FeedSummaries.choose(headers.getAcceptableLanguages());
        return feed.page(caller.get(), initiative, new FeedEntries.Filter(blankToNull(type), blankToNull(objectType),
                        blankToNull(objectId), blankToNull(actor)), page.limit, page.cursor)
                .map(result -> new Page<>(result.items().stream().map(e -> FeedView.of(e, locale)).toList(), result.next()));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow the feed", description = "Server-Sent Events: `entry` events (id = the entry's seq, data "
            + "= the entry), a comment every 20 s, `retry:` 3 s. With Last-Event-ID the stream first sends what came "
            + "after it, then the live entries, without a gap or a repeat; a client more than 1,000 entries behind gets "
            + "a `reset` event (data: the seq to follow from) and should refetch the list.")
    @APIResponse(responseCode = "200", description = "The stream")
    @APIResponse(responseCode = "422", description = "A Last-Event-ID that is not an entry's seq")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    public Multi<OutboundSseEvent> stream(@PathParam("initiativeId") UUID initiative,
            @Parameter(description = "The seq of the last entry the client has") @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse, @Context HttpHeaders headers) {
        Locale locale = FeedSummaries.choose(headers.getAcceptableLanguages());
        Long after = LastEventId.parse(lastEventId, "an entry");
        // the access check and the replay come first: a refusal is answered before the stream opens
        return RestMulti.fromUniResponse(feed.follow(caller.get(), initiative, after, item -> event(sse, item, locale)),
                events -> Multi.createBy().concatenating().streams(
                        Multi.createFrom().item(sse.newEventBuilder().comment("following " + initiative)
                                .reconnectDelay(RETRY_MILLIS).build()),
                        events));
    }

    private static OutboundSseEvent event(Sse sse, Streamed item, Locale locale) {
        if (item instanceof Streamed.Entry entry) {
            return RENDERED.event(sse, entry.entry(), locale);
        } else if (item instanceof Streamed.Reset reset) {
            return sse.newEventBuilder().id(Long.toString(reset.seq())).name("reset").data(Long.toString(reset.seq()))
                    .reconnectDelay(RETRY_MILLIS).build();
        }
        return sse.newEventBuilder().comment("heartbeat").build();
    }

    /** Each live entry is written to every stream that follows its initiative: build its event once per language. */
    private static final RenderedEntries RENDERED = new RenderedEntries();

    static final class RenderedEntries {

        private static final int KEPT = 20_000;
        private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        private final ConcurrentHashMap<String, OutboundSseEvent> byKey = new ConcurrentHashMap<>();

        OutboundSseEvent event(Sse sse, FeedEntry entry, Locale locale) {
            if (byKey.size() > KEPT) {
                byKey.clear(); // crude: live entries and replays (at most 1,000 a stream) pass through here
            }
            return byKey.computeIfAbsent(entry.seq() + "/" + locale.getLanguage(), k -> {
                try {
                    return sse.newEventBuilder().id(Long.toString(entry.seq())).name("entry")
                            .mediaType(MediaType.TEXT_PLAIN_TYPE)
                            .data(String.class, JSON.writeValueAsString(FeedView.of(entry, locale)))
                            .reconnectDelay(RETRY_MILLIS).build();
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
