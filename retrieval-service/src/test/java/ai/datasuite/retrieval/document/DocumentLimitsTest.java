package ai.datasuite.retrieval.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.config.ConfigDefaults;
import ai.datasuite.retrieval.config.DocumentsConfig;
import ai.datasuite.retrieval.embedding.EmbeddingModels;
import ai.datasuite.retrieval.embedding.TextEmbedder;
import ai.datasuite.retrieval.model.HashingEmbedder;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

/** An owner holds at most {@code max-chunks-per-owner} chunks (the store counts them); other owners are not held back. */
class DocumentLimitsTest {

    @TempDir
    Path dir;

    private final HashingEmbedder embedder = new HashingEmbedder(384);
    private final EmbeddingModels models = new EmbeddingModels() {
        @Override
        public TextEmbedder get(Kind kind) {
            return embedder;
        }
    };

    private static DocumentIndexRequest request(String file, int from, int n, boolean replace) {
        List<DocumentChunk> chunks = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            chunks.add(new DocumentChunk("Chunk " + i + " of " + file + " about rivers and mountains.", i));
        }
        return new DocumentIndexRequest(null, file, chunks, replace);
    }

    @Test
    void anOwnerHoldsAtMostTheConfiguredChunks() {
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir);
        DocumentService service = new DocumentService(store, models,
                ConfigDefaults.of(DocumentsConfig.class, Map.of("maxChunksPerOwner", 5)));
        assertEquals(3, service.index(request("f1", 0, 3, false), "alice").indexed());
        int embedded = embedder.passageTexts;

        ProblemException e = assertThrows(ProblemException.class,
                () -> service.index(request("f2", 0, 3, false), "alice"));
        assertEquals(409, e.status());
        assertEquals("owner-chunk-limit", e.slug());
        assertEquals("retrieval.documents.max-chunks-per-owner", e.extensions().get("limit"));
        assertEquals(5, e.extensions().get("max"));
        assertEquals(3L, e.extensions().get("held"));
        assertTrue(e.detail().contains("retrieval.documents.max-chunks-per-owner") && e.detail().contains("delete"),
                e.detail());
        assertEquals(embedded, embedder.passageTexts, "refused before embedding");
        assertEquals(0, store.count("documents", Map.of("owner", "alice", "source_file_id", "f2")));
        // A later batch of a file (new positions) counts in full too.
        assertThrows(ProblemException.class, () -> service.index(request("f1", 3, 3, false), "alice"));

        // Up to the limit, and a replace counts the file's old chunks as freed; other owners are not held back.
        assertEquals(2, service.index(request("f2", 0, 2, false), "alice").indexed());
        assertEquals(3, service.index(request("f1", 0, 3, true), "alice").indexed());
        assertEquals(5, store.count("documents", Map.of("owner", "alice")));
        assertEquals(5, service.index(request("f1", 0, 5, false), "bob").indexed());

        // Deleting a file makes room again.
        service.delete("alice", "f2");
        assertEquals(2, service.index(request("f3", 0, 2, false), "alice").indexed());
    }

    @Test
    void theDefaultIsTenThousandChunks() {
        assertEquals(10_000, ConfigDefaults.of(DocumentsConfig.class).maxChunksPerOwner());
    }
}
