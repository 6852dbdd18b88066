package ai.datasuite.retrieval.document;

import java.util.List;

/**
 * Answer of {@code POST /api/v1/documents/search}: the best chunks, best first, and the best sentences among them
 * (empty unless the request asked for {@code highlights}).
 */
public record DocumentSearchResponse(String owner, String query, List<DocumentHit> results,
                                     List<Highlight> highlights) {

    /**
     * One chunk with its owner (the searched owner, or {@code _public} for a notice), its fused score and the scores of
     * each retriever (null when it missed that list).
     */
    public record DocumentHit(String owner, String sourceFileId, int position, String text, double score,
                              Double denseScore, Double sparseScore) {
    }

    /** A sentence of {@code results[hit]}, with that chunk's file, owner and position, and its highlight score. */
    public record Highlight(String text, String sourceFileId, String owner, int position, int hit, double score) {
    }
}
