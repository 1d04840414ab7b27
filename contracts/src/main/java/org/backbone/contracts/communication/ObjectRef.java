package org.backbone.contracts.communication;

/** An object of any service: what a thread, an agenda item or a decision is about. */
public record ObjectRef(
        String service,
        String type,
        String id) {
}
