package ai.datasuite.metadata.comment;

import java.time.Instant;

/** Filters of the comment list; null means "any". {@code from}/{@code to} bound request_time, both inclusive. */
public record CommentQuery(String user, String predictedLabel, String trueLabel, Boolean labelled, String status,
                           Instant from, Instant to) {
}
