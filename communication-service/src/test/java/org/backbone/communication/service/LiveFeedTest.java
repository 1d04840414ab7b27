package org.backbone.communication.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.backbone.communication.persistence.FeedEntry;
import org.backbone.communication.service.FeedService.Streamed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stream's live part against a real event loop and a hub fed by hand (no database: the hub's reader is not started). */
class LiveFeedTest {

    private static final UUID MINE = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();
    private final FeedHub hub = new FeedHub(null);
    private long seq;

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aStreamTakesOnlyWhatItsClientAskedForAndOnlyItsOwnInitiativesTheRestWaitsInTheHub() {
        AssertSubscriber<Streamed> client = follow(0, Duration.ofMinutes(1)).subscribe().withSubscriber(AssertSubscriber.create(0));
        Awaitility.await().atMost(WAIT).until(() -> hub.listening() == 1);
        hub.arrived(List.of(entry(MINE), entry(OTHER), entry(MINE), entry(MINE), entry(OTHER), entry(MINE), entry(MINE)));

        client.request(2);
        Awaitility.await().atMost(WAIT).until(() -> client.getItems().size() == 2);
        assertThat(seqs(client)).containsExactly(1L, 3L);

        client.request(10);
        Awaitility.await().atMost(WAIT).until(() -> client.getItems().size() == 5);
        hub.arrived(List.of(entry(OTHER), entry(MINE)));
        Awaitility.await().atMost(WAIT).until(() -> client.getItems().size() == 6);
        assertThat(seqs(client)).containsExactly(1L, 3L, 4L, 6L, 7L, 9L);
    }

    @Test
    void aStreamStartsAfterWhatItWasGivenAlreadyAndGetsWhatArrivedBeforeItListened() {
        hub.arrived(List.of(entry(MINE), entry(MINE), entry(MINE)));
        // the replay sent up to 2; 3 arrived between the replay and the stream's start
        AssertSubscriber<Streamed> client = follow(2, Duration.ofMinutes(1)).subscribe().withSubscriber(AssertSubscriber.create(10));
        Awaitility.await().atMost(WAIT).until(() -> client.getItems().size() == 1);
        assertThat(seqs(client)).containsExactly(3L);
    }

    @Test
    void aStreamThatFellFurtherBehindThanTheHubKeepsIsToldToRefetch() {
        AssertSubscriber<Streamed> client = follow(0, Duration.ofMinutes(1)).subscribe().withSubscriber(AssertSubscriber.create(0));
        Awaitility.await().atMost(WAIT).until(() -> hub.listening() == 1);
        // a client that reads nothing holds its stream at 1: nothing is taken from the hub for it meanwhile
        hub.arrived(List.of(entry(MINE), entry(MINE)));
        settled();
        List<FeedEntry> many = new ArrayList<>();
        for (int i = 0; i < FeedHub.KEPT + 10; i++) {
            many.add(entry(MINE));
        }
        hub.arrived(many);
        client.request(1);
        Awaitility.await().atMost(WAIT).until(() -> client.getItems().size() == 1);
        assertThat(client.getItems().get(0)).isEqualTo(new Streamed.Reset(FeedHub.KEPT + 12));
    }

    @Test
    void aStreamOfAQuietInitiativeIsNotToldToRefetchWhileOtherInitiativesFillTheHub() {
        AssertSubscriber<Streamed> client = follow(0, Duration.ofMinutes(1)).subscribe().withSubscriber(AssertSubscriber.create(10));
        Awaitility.await().atMost(WAIT).until(() -> hub.listening() == 1);
        // more than the hub keeps, all of another initiative, in the reader's portions of 1,000
        for (int portion = 0; portion < FeedHub.KEPT / 1000 + 2; portion++) {
            List<FeedEntry> others = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                others.add(entry(OTHER));
            }
            hub.arrived(others);
            settled();
        }
        hub.arrived(List.of(entry(MINE)));
        Awaitility.await().atMost(WAIT).until(() -> client.getItems().size() == 1);
        assertThat(seqs(client)).as("it missed nothing of its own").containsExactly(seq);
    }

    @Test
    void anIdleStreamGetsHeartbeatsAndACancelledOneStopsListening() {
        AssertSubscriber<Streamed> client = follow(0, Duration.ofMillis(50)).subscribe().withSubscriber(AssertSubscriber.create(2));
        Awaitility.await().atMost(WAIT).until(() -> client.getItems().size() == 2);
        assertThat(client.getItems()).allMatch(item -> item instanceof Streamed.Heartbeat);

        client.cancel();
        Awaitility.await().atMost(WAIT).until(() -> hub.listening() == 0);
    }

    /** Returns once the stream's event loop has run what was scheduled on it before. */
    private void settled() {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        context.runOnContext(v -> done.complete(null));
        done.orTimeout(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join();
    }

    private Multi<Streamed> follow(long considered, Duration heartbeat) {
        return Multi.createFrom().emitter(emitter -> LiveFeed.follow(hub, MINE, context, emitter,
                e -> true, Function.identity(), considered, heartbeat));
    }

    private FeedEntry entry(UUID initiative) {
        seq++;
        return new FeedEntry(seq, initiative, OffsetDateTime.now(), "someone", "agenda.initiative.renamed", "agenda",
                "initiative", initiative.toString(), "Entry " + seq, List.of(), Set.of());
    }

    private static List<Long> seqs(AssertSubscriber<Streamed> client) {
        return client.getItems().stream().map(item -> ((Streamed.Entry) item).entry().seq()).toList();
    }
}
