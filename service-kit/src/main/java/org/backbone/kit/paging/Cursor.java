package org.backbone.kit.paging;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.backbone.kit.problem.ProblemException;

/**
 * Keyset cursors: the sort key of the last item of a page (e.g. its creation time and id), encoded
 * as opaque URL-safe text. Clients pass it back as {@code ?cursor=}; they cannot make sense of it,
 * and a tampered one is a 400-class problem, never a 500.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The keys in {@code cursor}, or an empty list for the first page; expects exactly {@code arity} keys. */
    public static List<String> decode(String cursor, int arity) {
        if (cursor == null || cursor.isEmpty()) {
            return List.of();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = Arrays.asList(text.split(String.valueOf(SEPARATOR), -1));
            if (keys.size() != arity) {
                throw new IllegalArgumentException("arity");
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** A UUID key of a decoded cursor. */
    public static UUID uuid(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** A whole-number key of a decoded cursor (a sequence number, an id). */
    public static long number(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** A timestamp key of a decoded cursor. */
    public static OffsetDateTime time(String key) {
        try {
            return OffsetDateTime.parse(key);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    /** A date key of a decoded cursor. */
    public static java.time.LocalDate date(String key) {
        try {
            return java.time.LocalDate.parse(key);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "not a cursor this list returned");
    }

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that there is more.
     */
    public static <T> Page<T> page(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)));
    }
}
