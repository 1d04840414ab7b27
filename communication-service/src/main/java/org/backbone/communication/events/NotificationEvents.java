package org.backbone.communication.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.backbone.communication.service.NotificationService;
import org.backbone.communication.service.ReportReminderService;
import org.backbone.kit.agenda.AgendaProjector;
import org.backbone.kit.config.KitConfig;
import org.backbone.kit.events.ReceivedEvent;
import org.backbone.kit.inbox.BatchInbox;
import org.backbone.kit.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Reads every service's topic for notifications, through the kit's batch inbox under a consumer of its
 * own: the directory (Keycloak) being down holds up notifications, never the feed or webhooks. The same
 * consumer keeps what the reminders of reports due know of indicators (their reporters first, so an
 * indicator's status change, read after its definition, is told to the partners that report it).
 */
@ApplicationScoped
public class NotificationEvents {

    /** One channel reads four topics: its dead letters share one topic, named for notifications. */
    static final String DEAD_LETTERS = "backbone.notifications.dlq.communication";

    private final BatchInbox<ReceivedEvent, Void> inbox;

    NotificationEvents(Inbox inbox, NotificationService notifications, ReportReminderService reminders,
            AgendaProjector projector, KitConfig config,
            @Channel("notification-dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> deadLetters) {
        this.inbox = inbox.batch(config.service() + "-notifications", BatchInbox.events(),
                // one after another, in the order read; who is told follows the memberships: the projection holds
                // each event first
                BatchInbox.inOrder(event -> projector.projectFirst(event).chain(() -> reminders.track(event))
                        .chain(() -> notifications.record(event))),
                nothing -> {
                }, deadLetters, record -> DEAD_LETTERS);
    }

    @Incoming("notification-events")
    Uni<Void> consume(Message<List<byte[]>> batch) {
        return inbox.process(batch);
    }
}
