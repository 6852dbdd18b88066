package ai.datasuite.metadata.comment;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a claim leased: the rows, oldest first, and until when the lease holds. */
@Schema(name = "CommentClaimResult")
public record ClaimView(Instant leaseUntil, List<Claimed> claimed) {

    /** One leased comment; {@code attempts} counts the failed attempts before this one. */
    @Schema(name = "ClaimedComment")
    public record Claimed(long num, String comments, int attempts) {
    }
}
