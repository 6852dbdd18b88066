package ai.datasuite.metadata.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;

import ai.datasuite.problem.ProblemException;

/** Small helpers shared by the services for database outcomes, timestamps and paging. */
public final class Persistence {

    private Persistence() {
    }

    /**
     * True when a unique, primary or foreign key refused the write: a conflict the caller can act on. Anything else
     * (lost connection, timeout, bad SQL) is not a conflict and must propagate.
     */
    public static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /** Now, in microseconds: what DATETIME(6)/DATETIME2(6) keep, so an answer equals a later read. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The 409 for a write that lost a race with a concurrent one; the caller may simply retry. */
    public static ProblemException concurrentConflict(String what) {
        return ProblemException.conflict("Conflicting concurrent " + what + "; retry");
    }

    /** Panache computes the first row as page * size in an int; refuse pages whose offset would overflow it. */
    public static Page page(int page, int size) {
        if ((long) page * size > Integer.MAX_VALUE) {
            String message = "page * size must be at most " + Integer.MAX_VALUE;
            throw InvalidField.problem("page", message, message);
        }
        return Page.of(page, size);
    }

    /** A listing's where clause: each filter given (null or empty: left out) narrows it; parameters named as fields. */
    public static final class Where {

        private final StringBuilder clause = new StringBuilder("1 = 1");
        private final Parameters parameters = new Parameters();

        public Where equal(String field, Object value) {
            if (value != null) {
                clause.append(" and ").append(field).append(" = :").append(field);
                parameters.and(field, value);
            }
            return this;
        }

        public Where in(String field, Collection<?> values) {
            if (values != null && !values.isEmpty()) {
                clause.append(" and ").append(field).append(" in :").append(field);
                parameters.and(field, values);
            }
            return this;
        }

        public String clause() {
            return clause.toString();
        }

        public Parameters parameters() {
            return parameters;
        }
    }
}
