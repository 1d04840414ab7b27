package org.backbone.measurement.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.EventDescriptor;
import org.backbone.contracts.Topics;
import org.backbone.contracts.measurement.SubmissionChannel;
import org.backbone.contracts.partner.MeasurementSubmitted;
import org.backbone.kit.events.CloudEventReader;
import org.backbone.kit.events.PermanentEventFailure;
import org.backbone.kit.events.ReceivedEvent;
import org.backbone.kit.inbox.Inbox;
import org.backbone.kit.persistence.DatabaseFailures;
import org.backbone.measurement.domain.SubmittedValue;
import org.backbone.measurement.service.SubmissionService;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.jboss.logging.Logger;

/**
 * Partner values from Kafka: every {@code partner.<organisationId>.measurements.v1} topic, by
 * pattern, in batches. The partner is the organisation in the topic name, whatever the payload
 * says. Each event is applied once (inbox keyed by partner, CloudEvents source and id); good values go
 * through the same {@link SubmissionService} as REST and CSV; an event that cannot be stored goes
 * to {@code <topic>.dlq.measurement} with the reason (and {@code values.rejected} tells the
 * partner), and the rest of the batch is stored.
 */
@ApplicationScoped
public class PartnerIngestion {

    static final String CONSUMER = "measurement-partner";
    private static final Logger LOG = Logger.getLogger(PartnerIngestion.class);
    private static final EventDescriptor SUBMITTED = EventCatalog.of(MeasurementSubmitted.class);

    private final SubmissionService submissions;
    private final Inbox inbox;
    private final MutinyEmitter<byte[]> deadLetters;
    /** The partner of each topic read so far (one topic per partner), so that a name is parsed once. */
    private final Map<String, UUID> topicPartners = new ConcurrentHashMap<>();

    // a poll of up to 5,000 poison records is dead-lettered at once: the emitter's default buffer of 128 would overflow
    PartnerIngestion(SubmissionService submissions, Inbox inbox,
            @Channel("partner-dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> deadLetters) {
        this.submissions = submissions;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
    }

    /** One event of the batch, read and checked, or the reason it cannot be. */
    private record Candidate(ConsumerRecord<String, byte[]> record, ReceivedEvent event, UUID partner,
            MeasurementSubmitted payload, String problem) {
    }

    /** Called concurrently by the channel's consumers (its {@code concurrency}), each with its own partitions. */
    @Incoming("partner-measurements")
    Uni<Void> consume(Message<List<byte[]>> batch) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordBatchMetadata<String, byte[]> metadata =
                batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow();
        List<Candidate> candidates = new ArrayList<>();
        metadata.getRecords().forEach(record -> candidates.add(read(record)));
        return applyIsolating(candidates)
                .onFailure().invoke(e -> LOG.warnf("partner batch failed, will retry: %s", e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).indefinitely()
                .chain(dead -> deadLetter(dead))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /**
     * Applies the candidates in one transaction. Should the database refuse the data itself
     * (SQLSTATE class 22 or 23: no retry can pass), the half that holds the culprit is found by
     * halving, each half in a transaction of its own, until the refused events stand alone: they are
     * dead-lettered with the database's reason and every other event of the batch is stored. Any
     * other failure (connection, serialization conflict) fails the whole and is retried.
     */
    private Uni<Map<ConsumerRecord<String, byte[]>, String>> applyIsolating(List<Candidate> candidates) {
        return Panache.withTransaction(() -> apply(candidates))
                .onFailure(DatabaseFailures::isDataRefused).recoverWithUni(refused -> {
                    if (candidates.size() == 1) {
                        Map<ConsumerRecord<String, byte[]>, String> dead = new LinkedHashMap<>();
                        dead.put(candidates.get(0).record(), DatabaseFailures.reason(refused));
                        return Uni.createFrom().item(dead);
                    }
                    LOG.warnf("the database refused a batch of %d partner events (%s); isolating the culprit",
                            candidates.size(), DatabaseFailures.reason(refused));
                    int half = candidates.size() / 2;
                    return applyIsolating(candidates.subList(0, half)).chain(first ->
                            applyIsolating(candidates.subList(half, candidates.size())).map(second -> {
                                first.putAll(second);
                                return first;
                            }));
                });
    }

    /** Stores what is new and valid; returns the records to dead-letter, with their reasons. */
    private Uni<Map<ConsumerRecord<String, byte[]>, String>> apply(List<Candidate> candidates) {
        Map<ConsumerRecord<String, byte[]>, String> dead = new LinkedHashMap<>();
        List<Candidate> readable = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.problem() != null) {
                dead.put(c.record(), c.problem());
            } else {
                readable.add(c);
            }
        }
        if (readable.isEmpty()) {
            return Uni.createFrom().item(dead);
        }
        return claimNew(readable).chain(fresh -> {
            // one submission per (partner, initiative), in the order the events came; each initiative read once
            Map<UUID, Map<UUID, List<Candidate>>> groups = new LinkedHashMap<>();
            fresh.forEach(c -> groups.computeIfAbsent(c.payload().initiativeId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(c.partner(), k -> new ArrayList<>()).add(c));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<UUID, Map<UUID, List<Candidate>>> initiative : groups.entrySet()) {
                List<List<Candidate>> perPartner = new ArrayList<>(initiative.getValue().values());
                List<SubmissionService.Batch> batches = perPartner.stream().map(group -> {
                    List<SubmissionService.Item> items = new ArrayList<>();
                    for (int i = 0; i < group.size(); i++) {
                        MeasurementSubmitted p = group.get(i).payload();
                        items.add(new SubmissionService.Item(i, new SubmittedValue(p.indicatorCode(), p.period(),
                                p.dimensions(), p.value(), p.numerator(), p.denominator(), p.comment())));
                    }
                    return new SubmissionService.Batch(group.get(0).partner(), items);
                }).toList();
                chain = chain.chain(() -> submissions.context(initiative.getKey())
                        .chain(context -> submissions.submitAll(context, batches, SubmissionChannel.KAFKA, "partner-system"))
                        .invoke(outcomes -> {
                            for (int g = 0; g < outcomes.size(); g++) {
                                List<Candidate> group = perPartner.get(g);
                                outcomes.get(g).rejected().forEach(r -> dead.merge(group.get(r.index()).record(),
                                        r.field() + ": " + r.reason(), (a, b) -> a + "; " + b));
                            }
                        })
                        .replaceWithVoid());
            }
            return chain.replaceWith(dead);
        });
    }

    /**
     * The candidates not processed before, claimed in this transaction (inbox), in one statement.
     * It answers with the keys already claimed, almost always none: reading back the thousands
     * just claimed cost the event loop more than the insert.
     */
    private Uni<List<Candidate>> claimNew(List<Candidate> candidates) {
        List<UUID> keys = new ArrayList<>(candidates.size());
        // keyed by partner too: partners choose their own sources and ids, and one's must not suppress another's
        candidates.forEach(c -> keys.add(c.event().inboxKey(c.partner())));
        UUID[] distinct = keys.stream().distinct().toArray(UUID[]::new);
        return inbox.claimAll(CONSUMER, distinct)
                .map(processedBefore -> {
                    Set<UUID> skip = new HashSet<>(processedBefore);
                    List<Candidate> result = new ArrayList<>();
                    for (int i = 0; i < candidates.size(); i++) {
                        // a key repeated inside the batch is applied once: the first occurrence takes the claim
                        if (skip.add(keys.get(i))) {
                            result.add(candidates.get(i));
                        }
                    }
                    return result;
                });
    }

    private Candidate read(ConsumerRecord<String, byte[]> record) {
        UUID partner = topicPartners.get(record.topic());
        if (partner == null) {
            Matcher topic = Topics.PARTNER_MEASUREMENTS.matcher(record.topic());
            if (!topic.matches()) {
                return new Candidate(record, null, null, null, "not a partner measurement topic");
            }
            try {
                partner = UUID.fromString(topic.group(1));
            } catch (IllegalArgumentException e) {
                return new Candidate(record, null, null, null, "the topic does not name an organisation id");
            }
            topicPartners.put(record.topic(), partner);
        }
        try {
            ReceivedEvent event = CloudEventReader.read(record.topic(), record.headers(), record.value());
            if (!SUBMITTED.type().equals(event.type())) {
                return new Candidate(record, event, partner, null, "type must be " + SUBMITTED.type() + ", was " + event.type());
            }
            // mapping to the record checks every field's type; the schema's required fields are checked here
            // (a full JSON Schema validation per event costs more than the rest of the path)
            MeasurementSubmitted payload = event.data(MeasurementSubmitted.class);
            String missing = payload.initiativeId() == null ? "initiativeId" : payload.indicatorCode() == null
                    ? "indicatorCode" : payload.period() == null ? "period" : null;
            if (missing != null) {
                return new Candidate(record, event, partner, null, "payload does not match its schema: " + missing + " is required");
            }
            if (payload.organisationId() != null && !payload.organisationId().equals(partner)) {
                return new Candidate(record, event, partner, null, "the payload names organisation "
                        + payload.organisationId() + " but the topic belongs to " + partner);
            }
            return new Candidate(record, event, partner, payload, null);
        } catch (PermanentEventFailure e) {
            return new Candidate(record, null, partner, null, e.getMessage());
        }
    }

    /** Sends every dead letter at once and waits for all acks (a chain per record would nest thousands deep). */
    private Uni<Void> deadLetter(Map<ConsumerRecord<String, byte[]>, String> dead) {
        if (dead.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = new ArrayList<>(dead.size());
        for (var entry : dead.entrySet()) {
            ConsumerRecord<String, byte[]> record = entry.getKey();
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            headers.add("dead-letter-reason", entry.getValue().getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
            sends.add(deadLetters.sendMessage(Message.of(record.value() == null ? new byte[0] : record.value())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withTopic(Topics.deadLetter(record.topic(), "measurement"))
                            .withKey(record.key()).withHeaders(headers).build())));
        }
        LOG.warnf("dead-lettering %d partner events, e.g.: %s", dead.size(), dead.values().iterator().next());
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }
}
