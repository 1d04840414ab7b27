package org.backbone.kit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Failed attempts so far of each "outage" event, kept outside the transaction that rolls back. */
    private final Map<String, Integer> outages = new ConcurrentHashMap<>();

    Uni<Void> apply(ReceivedEvent event) {
        if (!event.data().hasNonNull("note")) {
            throw new PermanentEventFailure("payload has no note");
        }
        String note = event.data().get("note").asText();
        Uni<Void> before = Uni.createFrom().voidItem();
        if (note.startsWith("outage:") && outages.merge(event.id(), 1, Integer::sum) <= Integer.parseInt(note.substring(7))) {
            // the database itself answers as when the connection is lost (SQLSTATE class 08)
            before = Panache.getSession().chain(session -> session.createNativeQuery(
                    "DO $$ BEGIN RAISE EXCEPTION 'injected outage' USING ERRCODE = '08006'; END $$").executeUpdate())
                    .replaceWithVoid();
        }
        if (note.startsWith("ref:")) {
            before = Panache.getSession().chain(session -> session
                    .createNativeQuery("SELECT count(*) FROM test_effect WHERE event_id = :ref", Long.class)
                    .setParameter("ref", note.substring(4)).getSingleResult())
                    .invoke(found -> {
                        if (found == 0) {
                            throw new PermanentEventFailure("refers to event " + note.substring(4) + ", which does not exist");
                        }
                    }).replaceWithVoid();
        }
        return before.chain(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO test_effect (event_id, note, amount) VALUES (:id, :note, :amount)")
                .setParameter("id", event.id())
                .setParameter("note", note)
                .setParameter("amount", event.data().hasNonNull("amount") ? event.data().get("amount").decimalValue() : null)
                .executeUpdate())).replaceWithVoid();
    }
}
