package org.backbone.kit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.backbone.kit.events.PermanentEventFailure;
import org.backbone.kit.events.ReceivedEvent;
import org.backbone.kit.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumer as a service would write one: its effect is a row in test_effect. */
@ApplicationScoped
public class TestEventConsumer {

    private final Inbox inbox;

    TestEventConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("kit-test-events")
    Uni<Void> consume(Message<byte[]> message) {
        return inbox.process("kit-test", message, this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        if (!event.data().hasNonNull("note")) {
            throw new PermanentEventFailure("payload has no note");
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO test_effect (event_id, note) VALUES (:id, :note)")
                .setParameter("id", event.id())
                .setParameter("note", event.data().get("note").asText())
                .executeUpdate()).replaceWithVoid();
    }
}
