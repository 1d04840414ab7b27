package org.backbone.communication.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.backbone.communication.api.ActionItemResource.ActionItemDto;
import org.backbone.communication.service.ActionItemService;
import org.backbone.kit.paging.Page;
import org.backbone.kit.paging.PageParams;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's action items across initiatives (its own root: {@code /v1/me} is {@link MeResource}'s). */
@Path("/v1/me/action-items")
@Tag(name = "Action items")
@Authenticated
public class MyActionItemsResource {

    private final ActionItemService items;
    private final CurrentCaller caller;

    MyActionItemsResource(ActionItemService items, CurrentCaller caller) {
        this.items = items;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "My action items", description = "Assigned to me or my organisation, in initiatives I may read, "
            + "by due date.")
    @APIResponse(responseCode = "200", description = "A page of action items")
    @APIResponse(responseCode = "422", description = "A bad limit or cursor")
    public Uni<Page<ActionItemDto>> mine(
            @QueryParam("open") @DefaultValue("true") @Parameter(description = "Only OPEN and IN_PROGRESS ones (default)") boolean open,
            @BeanParam @Valid PageParams page) {
        return items.mine(caller.get(), open, page.limit, page.cursor)
                .map(p -> new Page<>(p.items().stream().map(ActionItemDto::of).toList(), p.next()));
    }
}
