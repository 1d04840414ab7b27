package org.backbone.kit;

import io.agroal.api.AgroalDataSource;

/** What the test consumers applied: their rows in test_effect. */
final class TestEffects {

    private TestEffects() {
    }

    /** How many times the event was applied. */
    static long of(AgroalDataSource dataSource, String eventId) throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT count(*) FROM test_effect WHERE event_id = ?")) {
            statement.setString(1, eventId);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
