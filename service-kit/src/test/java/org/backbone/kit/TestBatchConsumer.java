package org.backbone.kit;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.backbone.kit.events.ReceivedEvent;
import org.backbone.kit.inbox.BatchInbox;
import org.backbone.kit.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** The same consumer as {@link TestEventConsumer}, read in batches; what it applied is told after each commit. */
@ApplicationScoped
public class TestBatchConsumer {

    static final String TOPIC = "kit.batch-test.v1";
    static final String DLQ = "kit.batch-test.v1.dlq.kit-batch-test";

    /** Event ids told after their transaction committed, in the order told. */
    private final List<String> told = new CopyOnWriteArrayList<>();
    /** How many records each poll handed over, to see that batches did hold several. */
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    private final BatchInbox<ReceivedEvent, String> inbox;

    TestBatchConsumer(Inbox inbox, TestEventConsumer single,
            @Channel("kit-batch-dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> deadLetters) {
        // a record with the header test-reader-bug makes the reader itself throw, as a bug in it would
        this.inbox = inbox.batch("kit-batch-test", record -> {
            if (record.headers().lastHeader("test-reader-bug") != null) {
                throw new IllegalStateException("a bug in the reader");
            }
            return BatchInbox.events().apply(record);
        }, (events, reject) -> {
            Uni<List<String>> applied = Uni.createFrom().item(new ArrayList<>());
            for (ReceivedEvent event : events) {
                if ("rejected".equals(event.data().path("note").asText())) {
                    reject.accept(event, "the consumer rejects this one");
                    continue;
                }
                applied = applied.call(ids -> single.apply(event)).invoke(ids -> ids.add(event.id()));
            }
            return applied;
        }, told::addAll, deadLetters, record -> DLQ);
    }

    // methods, not fields: the test holds the bean's client proxy
    List<String> told() {
        return told;
    }

    List<Integer> batchSizes() {
        return batchSizes;
    }

    @Incoming("kit-batch-test-events")
    Uni<Void> consume(Message<List<byte[]>> batch) {
        batchSizes.add(batch.getPayload().size());
        return inbox.process(batch);
    }
}
