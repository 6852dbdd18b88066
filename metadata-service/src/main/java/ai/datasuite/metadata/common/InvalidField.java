package ai.datasuite.metadata.common;

import java.util.List;
import java.util.Map;

import ai.datasuite.problem.ProblemException;

/**
 * The 400 problem for one bad field, in the shape the validation mapper gives a failed constraint: a {@code detail}
 * and {@code errors: [{field, message}]}. For the checks a constraint annotation cannot express (a value that depends
 * on another field, on the database, or on parsing).
 */
public final class InvalidField {

    private InvalidField() {
    }

    /** {@code detail} is "{@code <field> <message>}". */
    public static ProblemException problem(String field, String message) {
        return problem(field, message, field + " " + message);
    }

    public static ProblemException problem(String field, String message, String detail) {
        return ProblemException.validation(detail,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
