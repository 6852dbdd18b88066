package ai.datasuite.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.datasuite.gateway.client.RetrievalSearchResult;
import ai.datasuite.gateway.client.RetrievalSearchResult.Hit;

class CitationsTest {

    private static final RetrievalSearchResult FOUND = new RetrievalSearchResult("alice", "q", List.of(
            new Hit("alice", "file-1", 0, "first", 1.0, 0.9, 1.1),
            new Hit("_public", "notice:n-1", 0, "a notice", 0.5, 0.8, null),
            new Hit("alice", "file-1", 1, "second", 0.2, 0.7, null),
            new Hit("alice", "file-2", 0, "other", 0.1, 0.6, null)), List.of());

    @Test
    void onlyDocumentsFilesAreLookedUpOnceEach() {
        assertEquals(List.of("file-1", "file-2"), Citations.documentFiles(Citations.of(FOUND, 100)));
    }

    @Test
    void eachDocumentCitationGetsItsDocumentAndNoticesKeepNone() {
        List<Citation> cited = Citations.withDocuments(Citations.of(FOUND, 100), Map.of("file-1", "doc-1"));
        assertEquals("doc-1", cited.get(0).documentId());
        assertNull(cited.get(1).documentId());
        assertEquals("n-1", cited.get(1).noticeId());
        assertEquals("doc-1", cited.get(2).documentId());
        assertNull(cited.get(3).documentId(), "a file without a known document keeps none");
    }
}
