package org.backbone.communication.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.backbone.communication.service.NotificationService;
import org.backbone.communication.service.ReportReminderService;
import org.backbone.kit.agenda.AgendaProjector;
import org.backbone.kit.config.KitConfig;
import org.backbone.kit.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads every service's topic for notifications, through the inbox under a consumer of its own: the
 * directory (Keycloak) being down holds up notifications, never the feed or webhooks. The same
 * consumer keeps what the reminders of reports due know of indicators (their reporters first, so an
 * indicator's status change, read after its definition, is told to the partners that report it).
 */
@ApplicationScoped
public class NotificationEvents {

    private final Inbox inbox;
    private final NotificationService notifications;
    private final ReportReminderService reminders;
    private final AgendaProjector projector;
    private final String consumer;

    NotificationEvents(Inbox inbox, NotificationService notifications, ReportReminderService reminders,
            AgendaProjector projector, KitConfig config) {
        this.projector = projector;
        this.inbox = inbox;
        this.notifications = notifications;
        this.reminders = reminders;
        this.consumer = config.service() + "-notifications";
    }

    @Incoming("notification-events")
    Uni<Void> consume(Message<byte[]> message) {
        // who is told follows the memberships: the projection holds this event first
        return inbox.process(consumer, message, event -> projector.projectFirst(event).chain(() -> reminders.track(event))
                .chain(() -> notifications.record(event)));
    }
}
