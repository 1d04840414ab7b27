package org.backbone.contracts;

import java.util.UUID;

/**
 * The payload of a Backbone event. The envelope (CloudEvents attributes) is built from it: the type
 * from {@link EventType}, the subject from {@link #subject()}, the record key and the
 * {@code initiativeid} extension from {@link #initiativeId()}.
 */
public interface BackboneEvent {

    /** The initiative of events that belong to none (an organisation registered, a webhook endpoint disabled). */
    UUID NO_INITIATIVE = new UUID(0, 0);

    /** The initiative the event belongs to: the Kafka record key, so one initiative's events stay in order. */
    UUID initiativeId();

    /** The id of the aggregate the event is about: the CloudEvents {@code subject}. */
    String subject();
}
