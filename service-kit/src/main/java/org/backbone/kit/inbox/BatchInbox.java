package org.backbone.kit.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.backbone.kit.events.PermanentEventFailure;
import org.backbone.kit.events.ReceivedEvent;
import org.backbone.kit.persistence.DatabaseFailures;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The inbox for a channel read in batches ({@code batch=true}): everything one poll returned is applied
 * in one transaction, each event once. Cheaper than a transaction per event when events come fast,
 * and no slower when they come one by one (a poll returns what has arrived, it does not wait to fill).
 *
 * <p>The same promises as {@link Inbox}: a record that can never be applied — unreadable, refused by
 * the consumer ({@link PermanentEventFailure}, or the {@code reject} of {@link Apply}), or refused by
 * the database (SQLSTATE class 22 or 23) — goes to the dead-letter topic with its reason, and every
 * other record of the batch is applied. A batch that fails that way is halved, each half in a
 * transaction of its own, until the culprits stand alone. Any other failure (connection, conflict)
 * fails the whole batch, which is retried with backoff, holding its partitions until it passes.
 *
 * <pre>
 * private final BatchInbox&lt;ReceivedEvent, Entry&gt; inbox = kitInbox.batch("communication-feed", BatchInbox.events(),
 *         BatchInbox.inOrder(feed::record), entries -&gt; hub.tell(entries), deadLetters, r -&gt; DLQ_TOPIC);
 *
 * &#64;Incoming("feed-events")
 * Uni&lt;Void&gt; consume(Message&lt;List&lt;byte[]&gt;&gt; batch) { return inbox.process(batch); }
 * </pre>
 *
 * @param <C> what a record is read into (a candidate for applying)
 * @param <R> what applying produces, told after the commit
 */
public final class BatchInbox<C, R> {

    private static final Logger LOG = Logger.getLogger(BatchInbox.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    /** One record read: the candidate and its inbox key, or why it can never be applied. */
    public record Read<C>(C candidate, UUID key, String problem) {

        public static <C> Read<C> of(C candidate, UUID key) {
            return new Read<>(Objects.requireNonNull(candidate), Objects.requireNonNull(key), null);
        }

        public static <C> Read<C> refused(String problem) {
            return new Read<>(null, null, problem);
        }
    }

    /** The consumer's work, in the batch's transaction. */
    @FunctionalInterface
    public interface Apply<C, R> {
        /**
         * Applies the candidates not applied before, in the order they came. One that can never be applied may
         * be handed to {@code reject} with the reason (it must then have written nothing: its claim is given
         * back in the same transaction and it is dead-lettered after the commit, so a redelivery is rejected
         * and dead-lettered again rather than skipped) or fail the whole with a {@link PermanentEventFailure}
         * (then it is isolated and dead-lettered, and nothing of it is kept). Answers what to tell after the
         * commit, in order.
         */
        Uni<List<R>> apply(List<C> fresh, BiConsumer<C, String> reject);
    }

    private final Inbox inbox;
    private final String consumer;
    private final Function<ConsumerRecord<String, byte[]>, Read<C>> reader;
    private final Apply<C, R> apply;
    private final Consumer<List<R>> committed;
    private final MutinyEmitter<byte[]> deadLetters;
    private final Function<ConsumerRecord<String, byte[]>, String> deadLetterTopic;

    BatchInbox(Inbox inbox, String consumer, Function<ConsumerRecord<String, byte[]>, Read<C>> reader, Apply<C, R> apply,
            Consumer<List<R>> committed, MutinyEmitter<byte[]> deadLetters,
            Function<ConsumerRecord<String, byte[]>, String> deadLetterTopic) {
        this.inbox = inbox;
        this.consumer = consumer;
        this.reader = reader;
        this.apply = apply;
        this.committed = committed;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic;
    }

    /** The usual reader: a CloudEvent of the kit's envelope whose data is JSON, keyed by its source and id. */
    public static Function<ConsumerRecord<String, byte[]>, Read<ReceivedEvent>> events() {
        return record -> {
            try {
                ReceivedEvent event = Inbox.read(record);
                return Read.of(event, event.inboxKey());
            } catch (PermanentEventFailure e) {
                return Read.refused(e.getMessage());
            }
        };
    }

    /**
     * The usual work: {@code each} applied to one candidate after another, in the order read (within a
     * partition, the order they were published), each seeing what the ones before it wrote; the non-null
     * results are told after the commit.
     */
    public static <C, R> Apply<C, R> inOrder(Function<C, Uni<R>> each) {
        // Mutiny leaves out the nulls a Uni emits, so only real results are collected
        return (fresh, reject) -> Multi.createFrom().iterable(fresh).onItem().<R>transformToUniAndConcatenate(each::apply)
                .collect().asList();
    }

    /** One record of the batch with what it was read into. */
    private record Candidate<C>(ConsumerRecord<String, byte[]> record, Read<C> read) {
    }

    /** Applies one poll's records, dead-letters what can never be applied, then acks the batch. */
    public Uni<Void> process(Message<List<byte[]>> batch) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordBatchMetadata<String, byte[]> metadata =
                batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow();
        Map<ConsumerRecord<String, byte[]>, String> unreadable = new LinkedHashMap<>();
        List<Candidate<C>> candidates = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : metadata.getRecords()) {
            Read<C> read;
            try {
                read = reader.apply(record);
            } catch (RuntimeException e) {
                // a reader is plain code over the record's bytes: what throws once throws every time, and an
                // exception here would stop the channel for every record behind it
                read = Read.refused("the record cannot be read: " + e);
            }
            if (read.problem() != null) {
                unreadable.put(record, read.problem());
            } else {
                candidates.add(new Candidate<>(record, read));
            }
        }
        // what committed transactions produced: kept across retries, since a retry skips what they claimed
        Outcome<R> outcome = new Outcome<>(new ArrayList<>(), unreadable);
        return isolating(candidates, outcome)
                .onFailure().invoke(e -> LOG.warnf("%s: a batch of %d failed, will retry: %s", consumer, candidates.size(),
                        Inbox.causes(e)))
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY).indefinitely()
                .chain(() -> {
                    if (!outcome.results().isEmpty()) {
                        committed.accept(outcome.results());
                    }
                    return deadLetter(outcome.dead());
                })
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** What the committed transactions produced, and the records to dead-letter with their reasons. */
    private record Outcome<R>(List<R> results, Map<ConsumerRecord<String, byte[]>, String> dead) {
    }

    /**
     * Applies the candidates in one transaction and adds what it produced to {@code outcome} once it has
     * committed; when it fails for good, halves them, each half in a transaction of its own, down to the
     * culprits alone, which go into {@code outcome} as dead letters with the reason.
     */
    private Uni<Void> isolating(List<Candidate<C>> candidates, Outcome<R> outcome) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> applyOnce(candidates))
                .invoke(done -> {
                    outcome.results().addAll(done.results());
                    outcome.dead().putAll(done.dead());
                })
                .replaceWithVoid()
                .onFailure(DatabaseFailures::isPermanent).recoverWithUni(refused -> {
                    if (candidates.size() == 1) {
                        outcome.dead().put(candidates.get(0).record(), DatabaseFailures.reason(refused));
                        return Uni.createFrom().voidItem();
                    }
                    LOG.warnf("%s: a batch of %d was refused (%s); isolating the culprit", consumer, candidates.size(),
                            DatabaseFailures.reason(refused));
                    int half = candidates.size() / 2;
                    return isolating(candidates.subList(0, half), outcome)
                            .chain(() -> isolating(candidates.subList(half, candidates.size()), outcome));
                });
    }

    /** In the transaction: claims the candidates, applies those not processed before, collects rejections. */
    private Uni<Outcome<R>> applyOnce(List<Candidate<C>> candidates) {
        UUID[] keys = candidates.stream().map(c -> c.read().key()).distinct().toArray(UUID[]::new);
        return inbox.claimAll(consumer, keys).chain(processedBefore -> {
            Set<UUID> skip = new HashSet<>(processedBefore);
            List<C> fresh = new ArrayList<>();
            Map<C, ConsumerRecord<String, byte[]>> records = new IdentityHashMap<>();
            for (Candidate<C> c : candidates) {
                // a key repeated inside the batch is applied once: the first occurrence takes the claim
                if (skip.add(c.read().key())) {
                    fresh.add(c.read().candidate());
                    records.put(c.read().candidate(), c.record());
                }
            }
            if (fresh.isEmpty()) {
                return Uni.createFrom().item(new Outcome<>(new ArrayList<>(), new LinkedHashMap<>()));
            }
            Map<ConsumerRecord<String, byte[]>, String> rejected = new LinkedHashMap<>();
            Map<ConsumerRecord<String, byte[]>, UUID> keyOf = new IdentityHashMap<>();
            candidates.forEach(c -> keyOf.put(c.record(), c.read().key()));
            return apply.apply(fresh, (candidate, reason) -> rejected.merge(records.get(candidate), reason,
                            (a, b) -> a + "; " + b))
                    .call(results -> rejected.isEmpty() ? Uni.createFrom().voidItem()
                            : inbox.giveBack(consumer, rejected.keySet().stream().map(keyOf::get).toArray(UUID[]::new)))
                    .map(results -> new Outcome<>(new ArrayList<>(results == null ? List.of() : results), rejected));
        });
    }

    /** Sends every dead letter at once and waits for all acks (a chain per record would nest thousands deep). */
    private Uni<Void> deadLetter(Map<ConsumerRecord<String, byte[]>, String> dead) {
        if (dead.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = new ArrayList<>(dead.size());
        for (var entry : dead.entrySet()) {
            ConsumerRecord<String, byte[]> record = entry.getKey();
            // the headers the channels' dead-letter-queue strategy writes, so that one tool reads both
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            headers.add("dead-letter-reason", entry.getValue().getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
            sends.add(deadLetters.sendMessage(Message.of(record.value() == null ? new byte[0] : record.value())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withTopic(deadLetterTopic.apply(record))
                            .withKey(record.key()).withHeaders(headers).build())));
        }
        LOG.warnf("%s: dead-lettering %d records, e.g.: %s", consumer, dead.size(), dead.values().iterator().next());
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }
}
