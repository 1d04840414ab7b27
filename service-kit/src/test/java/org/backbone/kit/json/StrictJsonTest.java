package org.backbone.kit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    /** As Quarkus builds its mapper: the java.time module first, then the strict rules. */
    private final ObjectMapper mapper = StrictJson.configure(new ObjectMapper().registerModule(new JavaTimeModule()));

    record When(Instant at, OffsetDateTime since, LocalDate on) {
    }

    enum Colour { RED }

    record Ids(java.util.UUID id, LocalDate on, Colour colour) {
    }

    @Test
    void blankTextIsNoIdDateOrEnumValueRatherThanAbsent() throws Exception {
        // Jackson trims such text to nothing and reads nothing as null: a lock "for indicator \u0000" became one for all
        for (String json : new String[] {"{\"id\":\"\"}", "{\"id\":\" \"}", "{\"id\":\"\\u0000\"}", "{\"on\":\"\"}",
                "{\"on\":\"\\t\"}", "{\"colour\":\"\"}", "{\"colour\":\" \"}"}) {
            assertThatThrownBy(() -> mapper.readValue(json, Ids.class)).as(json).isInstanceOf(MismatchedInputException.class);
        }
        assertThat(mapper.readValue("{\"id\":null}", Ids.class).id()).isNull();
    }

    @Test
    void timesAndDatesAreReadFromRfc3339Text() throws Exception {
        When when = mapper.readValue("{\"at\":\"2026-12-03T10:00:00Z\",\"since\":\"2026-12-03T12:00:00+02:00\","
                + "\"on\":\"2026-12-03\"}", When.class);
        assertThat(when.at()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(when.since().toInstant()).isEqualTo(when.at());
        assertThat(when.on()).isEqualTo(LocalDate.parse("2026-12-03"));
    }

    @Test
    void epochNumbersAndArraysAreNotTimesOrDates() {
        for (String json : new String[] {"{\"at\":1}", "{\"at\":1.5}", "{\"since\":1764756000}", "{\"on\":20425}",
                "{\"on\":[2026,12,3]}", "{\"at\":true}"}) {
            assertThatThrownBy(() -> mapper.readValue(json, When.class)).as(json)
                    .isInstanceOf(MismatchedInputException.class).hasMessageContaining("must be text (RFC 3339)");
        }
    }
}
