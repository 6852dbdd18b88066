package ai.datasuite.metadata.comment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import ai.datasuite.metadata.common.InvalidField;

/**
 * The {@code from}/{@code to} query parameters: an ISO instant ({@code 2026-11-26T10:15:30Z}, offsets allowed) or a
 * date ({@code 2026-11-26}) meaning the whole UTC day: its first instant for {@code from}, its last for {@code to}.
 */
public final class TimeBounds {

    private TimeBounds() {
    }

    /** Inclusive lower bound, or null when absent. */
    public static Instant from(String value) {
        return parse("from", value, false);
    }

    /** Inclusive upper bound, or null when absent. */
    public static Instant to(String value) {
        return parse("to", value, true);
    }

    /** Refuses an empty window: from after to. */
    public static void check(Instant from, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw InvalidField.problem("from", "must not be after to");
        }
    }

    private static Instant parse(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.indexOf('T') >= 0 || text.indexOf('t') >= 0) {
                return OffsetDateTime.parse(text).toInstant();
            }
            Instant start = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            // The last instant the database can hold (microseconds), so "to=<day>" includes 23:59:59.999999.
            return endOfDay ? start.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS) : start;
        } catch (DateTimeParseException e) {
            throw InvalidField.problem(name, "must be an ISO instant (2026-11-26T10:15:30Z) or a date (2026-11-26),"
                    + " not '" + value + "'");
        }
    }
}
