package org.backbone.communication.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.backbone.communication.domain.meeting.Suggestion;
import org.backbone.communication.service.SuggestedAgendaService;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}/meetings/suggested-agenda")
@Tag(name = "Meetings", description = "Preparing the partners' meetings")
@Authenticated
public class SuggestedAgendaResource {

    private final SuggestedAgendaService agenda;
    private final CurrentCaller caller;

    SuggestedAgendaResource(SuggestedAgendaService agenda, CurrentCaller caller) {
        this.agenda = agenda;
        this.caller = caller;
    }

    @Schema(description = "A suggested agenda item, linked to the object it is about")
    public record Item(
            @Schema(description = "ACTION_ITEM_OVERDUE, DECISION_REVIEW_DUE, INDICATOR_OFF_TRACK, INDICATOR_AT_RISK, "
                    + "REPORT_OVERDUE, GAP or OVERLAP") Suggestion.Kind kind,
            String title, @Schema(description = "Minutes it usually takes") int minutes, String detail,
            @Schema(description = "The object: service, type, id") Link link) {
    }

    public record Link(String service, String type, String id) {
    }

    public record SuggestedAgenda(List<Item> items, @Schema(description = "The items' minutes together") int minutes) {
    }

    @GET
    @Operation(summary = "The agenda Backbone suggests for the next meeting", description = "Backbone staff only. What needs "
            + "the partners now: overdue action items, decisions due for review, indicators off track or at risk, reports "
            + "overdue, open gaps and overlaps of the 3W — at most 30, in that order, each with its link.")
    @APIResponse(responseCode = "200", description = "The suggested items")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may read")
    public Uni<SuggestedAgenda> suggest(@PathParam("initiativeId") UUID initiative) {
        return agenda.suggest(caller.get(), initiative).map(all -> {
            List<Item> items = all.stream().map(s -> new Item(s.kind(), s.title(), s.kind().minutes(), s.detail(),
                    new Link(s.service(), s.type(), s.id()))).toList();
            return new SuggestedAgenda(items, items.stream().mapToInt(Item::minutes).sum());
        });
    }
}
