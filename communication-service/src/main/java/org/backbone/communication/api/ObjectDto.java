package org.backbone.communication.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An object of the initiative, as the feed names it — service, type, id: what a decision affects, where
 * an action item came from, what an agenda item is about.
 */
@Schema(description = "An object of the initiative (anything its feed knows): service, type, id")
public record ObjectDto(@NotNull @Pattern(regexp = "[a-z]{1,30}", message = "must be a service") String service,
        @NotNull @Pattern(regexp = "[a-z][a-z-]{0,39}", message = "must be an object type") String type,
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}", message = "must be an object id") String id) {
}
