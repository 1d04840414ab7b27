package org.backbone.communication.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.backbone.communication.persistence.FeedEntry;
import org.junit.jupiter.api.Test;

/** What the hub keeps of the entries this replica commits itself, beside those its reader brings from the table. */
class FeedHubTest {

    private static final UUID INITIATIVE = UUID.randomUUID();

    private final FeedHub hub = new FeedHub(null);
    private final AtomicInteger told = new AtomicInteger();

    FeedHubTest() {
        hub.listen(told::incrementAndGet);
    }

    @Test
    void anEntryCommittedHereThatIsTheNextNumberIsKeptAndToldAtOnce() {
        hub.startAt(10);
        hub.committed(entry(11));
        assertThat(seqs(hub.since(10))).containsExactly(11L);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> told.get() == 1);
    }

    @Test
    void anEntryAfterAGapWaitsForTheReaderWhichBringsItsPredecessorFirst() {
        hub.startAt(10);
        // 11 is another replica's (or a number a rolled-back transaction drew): not known here yet
        hub.committed(entry(12));
        assertThat(seqs(hub.since(10))).isEmpty();
        assertThat(told).hasValue(0);

        hub.arrived(List.of(entry(11), entry(12)));
        assertThat(seqs(hub.since(10))).containsExactly(11L, 12L);
    }

    @Test
    void theReaderBringingEntriesAlreadyKeptNeitherRepeatsThemNorMovesTheEndBack() {
        hub.startAt(10);
        hub.committed(entry(11));
        hub.committed(entry(12));
        hub.arrived(List.of(entry(11)));
        assertThat(hub.newest()).isEqualTo(12L);
        assertThat(seqs(hub.since(10))).containsExactly(11L, 12L);
    }

    @Test
    void nothingIsKeptBeforeTheReaderKnowsWhereTheTableEnds() {
        hub.committed(entry(1));
        assertThat(seqs(hub.since(0))).isEmpty();
        assertThat(told).hasValue(0);
    }

    @Test
    void aListenerOfOneInitiativeIsToldOfItsEntriesNotOfOthersUntilHalfOfWhatIsKeptHasPassed() {
        UUID other = UUID.randomUUID();
        AtomicInteger others = new AtomicInteger();
        hub.startAt(0);
        hub.listen(other, others::incrementAndGet);
        hub.arrived(List.of(entry(1), entry(2)));
        assertThat(told).as("a listener of every initiative").hasValue(1);
        assertThat(others).as("a listener of another initiative").hasValue(0);

        hub.arrived(List.of(entry(3, other)));
        assertThat(others).hasValue(1);

        // a quiet initiative's listener is told once half of what is kept has arrived since it was last told
        List<FeedEntry> many = new java.util.ArrayList<>();
        for (long seq = 4; seq <= 3 + FeedHub.KEPT / 2; seq++) {
            many.add(entry(seq));
        }
        hub.arrived(many);
        assertThat(others).hasValue(1);
        hub.arrived(List.of(entry(4 + FeedHub.KEPT / 2)));
        assertThat(others).hasValue(2);
    }

    private static FeedEntry entry(long seq) {
        return entry(seq, INITIATIVE);
    }

    private static FeedEntry entry(long seq, UUID initiative) {
        return new FeedEntry(seq, initiative, OffsetDateTime.now(), "someone", "agenda.initiative.renamed", "agenda",
                "initiative", initiative.toString(), "Entry " + seq, List.of(), Set.of());
    }

    private static List<Long> seqs(FeedHub.Since since) {
        return since.entries().stream().map(FeedEntry::seq).toList();
    }
}
