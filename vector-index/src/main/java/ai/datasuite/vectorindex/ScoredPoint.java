package ai.datasuite.vectorindex;

import java.util.Map;

/** A search hit: the point's id, its score (dot product; cosine for normalised vectors) and payload. */
public record ScoredPoint(long id, double score, Map<String, String> payload) {
}
