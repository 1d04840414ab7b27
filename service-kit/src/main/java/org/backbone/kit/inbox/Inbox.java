package org.backbone.kit.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backbone.kit.events.CloudEventReader;
import org.backbone.kit.events.PermanentEventFailure;
import org.backbone.kit.events.ReceivedEvent;
import org.backbone.kit.persistence.DatabaseFailures;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Applies each incoming event once. The handler's effect and the {@code processed_event} row are
 * written in one transaction, so a redelivered event changes nothing. A {@link PermanentEventFailure}
 * (or an unreadable record) nacks the message, which the channel's {@code dead-letter-queue} failure
 * strategy sends to {@code <topic>.dlq.<consumer>} with the reason. So does data the database
 * refuses (SQLSTATE class 22 or 23, {@link DatabaseFailures}): it would be refused every time.
 * Anything else is taken as transient and retried with backoff, holding the partition until it
 * succeeds so nothing is lost.
 *
 * <pre>
 * &#64;Incoming("agenda-events")
 * Uni&lt;Void&gt; consume(Message&lt;byte[]&gt; message) {
 *     return inbox.process("measurement", message, event -&gt; projections.apply(event));
 * }
 * </pre>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    /** Reads, deduplicates and applies one Kafka message; acks or nacks it. */
    public Uni<Void> process(String consumer, Message<byte[]> message, Function<ReceivedEvent, Uni<Void>> handler) {
        ReceivedEvent event;
        try {
            event = read(message);
        } catch (PermanentEventFailure e) {
            return deadLetter(consumer, message, e);
        }
        return applyOnce(consumer, event, handler)
                .onFailure(failure -> !DatabaseFailures.isPermanent(failure))
                .invoke(failure -> LOG.warnf("%s: event %s failed, will retry: %s", consumer, event.id(), causes(failure)))
                .onFailure(failure -> !DatabaseFailures.isPermanent(failure))
                .retry().withBackOff(FIRST_RETRY, MAX_RETRY).indefinitely()
                .onItemOrFailure().transformToUni((applied, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : deadLetter(consumer, message, failure));
    }

    /**
     * Runs {@code handler} and records the event as processed by {@code consumer}, in one
     * transaction; does nothing if it was processed before. Emits true when the handler ran.
     */
    public Uni<Boolean> applyOnce(String consumer, ReceivedEvent event, Function<ReceivedEvent, Uni<Void>> handler) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO processed_event (consumer, event_key) VALUES (:consumer, :eventKey) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer)
                .setParameter("eventKey", event.inboxKey())
                .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(false)
                        : handler.apply(event).replaceWith(true)));
    }

    /**
     * Claims many events for {@code consumer} with one statement, in the caller's transaction (a
     * {@link BatchInbox}'s): emits the keys that were processed before, which the caller skips.
     */
    Uni<List<java.util.UUID>> claimAll(String consumer, java.util.UUID[] eventKeys) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        WITH batch (event_key) AS (SELECT unnest(cast(:keys AS uuid[]))),
                        claimed AS (INSERT INTO processed_event (consumer, event_key) SELECT :consumer, event_key FROM batch
                            ON CONFLICT DO NOTHING RETURNING event_key)
                        SELECT event_key FROM batch EXCEPT SELECT event_key FROM claimed""", java.util.UUID.class)
                .setParameter("consumer", consumer).setParameter("keys", eventKeys)
                .getResultList());
    }

    /**
     * Gives back the claims of events that were refused, in the caller's transaction: what was never
     * applied must not count as processed, or a redelivery (after a crash before its dead letter was sent,
     * or a sender's corrected retry) would be skipped without a trace.
     */
    Uni<Integer> giveBack(String consumer, java.util.UUID[] eventKeys) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "DELETE FROM processed_event WHERE consumer = :consumer AND event_key = ANY(cast(:keys AS uuid[]))")
                .setParameter("consumer", consumer).setParameter("keys", eventKeys)
                .executeUpdate());
    }

    /**
     * An inbox for a channel read in batches; see {@link BatchInbox}. {@code deadLetters} is an outgoing
     * channel of the service's, {@code deadLetterTopic} names each refused record's topic.
     */
    public <C, R> BatchInbox<C, R> batch(String consumer, Function<ConsumerRecord<String, byte[]>, BatchInbox.Read<C>> reader,
            BatchInbox.Apply<C, R> apply, Consumer<List<R>> committed, MutinyEmitter<byte[]> deadLetters,
            Function<ConsumerRecord<String, byte[]>, String> deadLetterTopic) {
        return new BatchInbox<>(this, consumer, reader, apply, committed, deadLetters, deadLetterTopic);
    }

    private static ReceivedEvent read(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> metadata =
                message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        if (metadata == null) {
            throw new PermanentEventFailure("not a Kafka record");
        }
        return read(metadata.getRecord());
    }

    /** The record's CloudEvent; a PermanentEventFailure when it is not one or its data is not JSON. */
    static ReceivedEvent read(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = CloudEventReader.read(record.topic(), record.headers(), record.value());
        // a payload that is not JSON is dead-lettered here, before the event is claimed
        event.data();
        return event;
    }

    private static Uni<Void> deadLetter(String consumer, Message<byte[]> message, Throwable failure) {
        String reason = DatabaseFailures.reason(failure);
        LOG.warnf("%s: dead-lettering a record: %s", consumer, reason);
        // the channel's dead-letter strategy writes the nack's message as dead-letter-reason
        return Uni.createFrom().completionStage(message.nack(failure instanceof PermanentEventFailure
                ? failure : new PermanentEventFailure(reason, failure)));
    }

    /** The failure and its causes on one line: a wrapper's message alone rarely says what went wrong. */
    static String causes(Throwable failure) {
        StringBuilder line = new StringBuilder(String.valueOf(failure));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            line.append(" <- ").append(cause);
        }
        return line.toString();
    }
}
