package ai.datasuite.retrieval.document;

import java.util.List;

/** Answer of {@code POST /api/v1/documents/search}: the best chunks of the owner, best first. */
public record DocumentSearchResponse(String owner, String query, List<DocumentHit> results) {

    /** One chunk with its fused score and the scores of each retriever (null when it missed that list). */
    public record DocumentHit(String sourceFileId, int position, String text, double score, Double denseScore,
                              Double sparseScore) {
    }
}
