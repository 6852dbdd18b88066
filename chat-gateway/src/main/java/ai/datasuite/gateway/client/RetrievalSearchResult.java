package ai.datasuite.gateway.client;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** retrieval-service's search answer: the best chunks, best first, and the best sentences among them. */
@Schema(name = "DocumentSearchResult")
public record RetrievalSearchResult(String owner, String query, List<Hit> results, List<Highlight> highlights) {

    /** Notices are indexed under this owner; every user's search with include_public sees them. */
    public static final String PUBLIC_OWNER = "_public";

    public RetrievalSearchResult {
        results = results == null ? List.of() : List.copyOf(results);
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
    }

    /** One chunk: whose, from which source, where, its text and its scores (null where a retriever missed it). */
    @Schema(name = "DocumentSearchHit")
    public record Hit(String owner, String sourceFileId, int position, String text, double score, Double denseScore,
                      Double sparseScore) {

        /** True for a notice's chunk. */
        public boolean isPublic() {
            return PUBLIC_OWNER.equals(owner);
        }
    }

    /** One of the best sentences; {@code hit} is its chunk's index in {@code results}. */
    @Schema(name = "DocumentSearchHighlight")
    public record Highlight(String text, String sourceFileId, String owner, int position, int hit, double score) {
    }
}
