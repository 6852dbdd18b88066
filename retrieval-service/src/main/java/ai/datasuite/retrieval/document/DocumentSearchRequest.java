package ai.datasuite.retrieval.document;

import java.util.Map;

/**
 * Body of {@code POST /api/v1/documents/search}: whose chunks, the query, how many, and an optional
 * {@code source_file_id} filter.
 */
public record DocumentSearchRequest(String owner, String query, Integer topK, Map<String, String> filters) {
}
