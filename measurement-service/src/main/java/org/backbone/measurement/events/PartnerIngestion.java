package org.backbone.measurement.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.EventDescriptor;
import org.backbone.contracts.Topics;
import org.backbone.contracts.measurement.SubmissionChannel;
import org.backbone.contracts.partner.MeasurementSubmitted;
import org.backbone.kit.events.CloudEventReader;
import org.backbone.kit.events.PermanentEventFailure;
import org.backbone.kit.events.ReceivedEvent;
import org.backbone.kit.inbox.BatchInbox;
import org.backbone.kit.inbox.Inbox;
import org.backbone.measurement.domain.SubmittedValue;
import org.backbone.measurement.service.SubmissionService;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import io.smallrye.reactive.messaging.MutinyEmitter;

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
    private static final EventDescriptor SUBMITTED = EventCatalog.of(MeasurementSubmitted.class);

    private final SubmissionService submissions;
    private final BatchInbox<Candidate, Void> inbox;
    /** The partner of each topic read so far (one topic per partner), so that a name is parsed once. */
    private final Map<String, UUID> topicPartners = new ConcurrentHashMap<>();

    // a poll of up to 5,000 poison records is dead-lettered at once: the emitter's default buffer of 128 would overflow
    PartnerIngestion(SubmissionService submissions, Inbox inbox,
            @Channel("partner-dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> deadLetters) {
        this.submissions = submissions;
        // keyed by partner too: partners choose their own sources and ids, and one's must not suppress another's
        this.inbox = inbox.batch(CONSUMER, this::read, this::apply, nothing -> {
        }, deadLetters, record -> Topics.deadLetter(record.topic(), "measurement"));
    }

    /** One event of the batch, read and checked. */
    private record Candidate(ReceivedEvent event, UUID partner, MeasurementSubmitted payload) {
    }

    /** Called concurrently by the channel's consumers (its {@code concurrency}), each with its own partitions. */
    @Incoming("partner-measurements")
    Uni<Void> consume(Message<List<byte[]>> batch) {
        return inbox.process(batch);
    }

    /** In the batch's transaction: stores what is valid, one submission per (partner, initiative); rejects the rest. */
    private Uni<List<Void>> apply(List<Candidate> fresh, BiConsumer<Candidate, String> reject) {
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
                            outcomes.get(g).rejected().forEach(r -> reject.accept(group.get(r.index()),
                                    r.field() + ": " + r.reason()));
                        }
                    })
                    .replaceWithVoid());
        }
        return chain.replaceWith(List.of());
    }

    private BatchInbox.Read<Candidate> read(ConsumerRecord<String, byte[]> record) {
        UUID partner = topicPartners.get(record.topic());
        if (partner == null) {
            Matcher topic = Topics.PARTNER_MEASUREMENTS.matcher(record.topic());
            if (!topic.matches()) {
                return BatchInbox.Read.refused("not a partner measurement topic");
            }
            try {
                partner = UUID.fromString(topic.group(1));
            } catch (IllegalArgumentException e) {
                return BatchInbox.Read.refused("the topic does not name an organisation id");
            }
            topicPartners.put(record.topic(), partner);
        }
        try {
            ReceivedEvent event = CloudEventReader.read(record.topic(), record.headers(), record.value());
            if (!SUBMITTED.type().equals(event.type())) {
                return BatchInbox.Read.refused("type must be " + SUBMITTED.type() + ", was " + event.type());
            }
            // mapping to the record checks every field's type; the schema's required fields are checked here
            // (a full JSON Schema validation per event costs more than the rest of the path)
            MeasurementSubmitted payload = event.data(MeasurementSubmitted.class);
            String missing = payload.initiativeId() == null ? "initiativeId" : payload.indicatorCode() == null
                    ? "indicatorCode" : payload.period() == null ? "period" : null;
            if (missing != null) {
                return BatchInbox.Read.refused("payload does not match its schema: " + missing + " is required");
            }
            if (payload.organisationId() != null && !payload.organisationId().equals(partner)) {
                return BatchInbox.Read.refused("the payload names organisation "
                        + payload.organisationId() + " but the topic belongs to " + partner);
            }
            return BatchInbox.Read.of(new Candidate(event, partner, payload), event.inboxKey(partner));
        } catch (PermanentEventFailure e) {
            return BatchInbox.Read.refused(e.getMessage());
        }
    }
}
