package ai.datasuite.metadata.rest;

import java.util.Locale;

import ai.datasuite.metadata.common.InvalidField;

/** Boolean query filters ({@code labelled}, {@code has_file}, {@code matched}). */
final class QueryFlags {

    private QueryFlags() {
    }

    /** Absent (null), "true" or "false" in any case; anything else is a 400, not a silent false. */
    static Boolean parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw InvalidField.problem(name, "must be true or false",
                    name + " must be true or false, not '" + value + "'");
        };
    }
}
