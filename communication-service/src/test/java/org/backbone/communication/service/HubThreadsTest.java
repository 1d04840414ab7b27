package org.backbone.communication.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures of a hub's loop are worth starting over at once, and which are a bug to be told loudly. */
class HubThreadsTest {

    @Test
    void aLostConnectionOrAnAdministratorsTerminationCanPass() {
        assertThat(HubThreads.canPass(new SQLException("An I/O error occurred", "08006"))).isTrue();
        assertThat(HubThreads.canPass(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
    }

    @Test
    void refusedDataAndAnythingButTheDatabaseCannotPass() {
        assertThat(HubThreads.canPass(new SQLException("invalid byte sequence", "22021"))).isFalse();
        assertThat(HubThreads.canPass(new IllegalStateException("a bug in reading a row"))).isFalse();
    }
}
