package org.backbone.activity.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import org.backbone.activity.service.MeasurementFeed;
import org.backbone.kit.config.KitConfig;
import org.backbone.kit.events.ReceivedEvent;
import org.backbone.kit.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code backbone.measurement.v1} through the inbox (deduplicated, one transaction per event; a
 * payload that breaks its schema goes to the dead-letter topic with its reason).
 */
@ApplicationScoped
public class MeasurementEvents {

    private final Inbox inbox;
    private final MeasurementFeed feed;
    private final String consumer;

    MeasurementEvents(Inbox inbox, MeasurementFeed feed, KitConfig config) {
        this.inbox = inbox;
        this.feed = feed;
        this.consumer = config.service();
    }

    @Incoming("measurement-events")
    Uni<Void> consume(Message<byte[]> message) {
        return inbox.process(consumer, message, this::apply);
    }

    Uni<Void> apply(ReceivedEvent event) {
        OffsetDateTime time = event.timeOrNow();
        return event.catalogued().map(payload -> feed.apply(payload, time)).orElse(Uni.createFrom().voidItem());
    }
}
