package ai.datasuite.retrieval.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.config.ConfigDefaults;
import ai.datasuite.retrieval.config.ModelsConfig;
import ai.datasuite.retrieval.embedding.EmbeddingModels;
import ai.datasuite.retrieval.embedding.TextEmbedder;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

/** Degenerate fits ({@code chunk_words 1}, more texts than a fit may embed) are refused before anything is embedded. */
class FitLimitsTest {

    @TempDir
    Path dir;

    private final HashingEmbedder embedder = new HashingEmbedder(64);
    private final EmbeddingModels models = new EmbeddingModels() {
        @Override
        public TextEmbedder get(Kind kind) {
            return embedder;
        }
    };

    private RetrievalModelType.Storage storage(String name) {
        return new RetrievalModelType.Storage(dir.resolve(name), name, new EmbeddedVectorStore(dir.resolve("v")));
    }

    @Test
    void oneWordChunksAreRefusedNamingTheLimit() {
        EmbeddingModelType type = new EmbeddingModelType(models, ConfigDefaults.of(ModelsConfig.class));
        Map<String, Object> params = type.validate(Map.of("chunking", "words", "chunk_words", 1, "chunk_overlap", 0));
        ProblemException e = assertThrows(ProblemException.class,
                () -> type.fit(DenseRetrievalModelTest.dataset(), params, storage("one")));
        assertEquals(400, e.status());
        assertEquals("chunk_words", e.extensions().get("param"));
        assertEquals("retrieval.models.fit.min-chunk-words", e.extensions().get("limit"));
        assertEquals(8, e.extensions().get("min"));
        assertTrue(e.detail().contains("retrieval.models.fit.min-chunk-words"), e.detail());
        assertEquals(0, embedder.passageTexts, "nothing embedded");

        // The bound is the fit's: a model saved with short windows still validates (and so loads).
        assertEquals(2, type.validate(Map.of("chunking", "words", "chunk_words", 2, "chunk_overlap", 0))
                .get("chunk_words"));
        type.fit(DenseRetrievalModelTest.dataset(),
                type.validate(Map.of("chunking", "words", "chunk_words", 8, "chunk_overlap", 0)), storage("eight"));
        assertTrue(embedder.passageTexts > 3);
    }

    @Test
    void aFitEmbedsAtMostTheConfiguredTexts() {
        EmbeddingModelType type = new EmbeddingModelType(models,
                ConfigDefaults.of(ModelsConfig.class, Map.of("fit.maxEmbeddedTexts", 5)));
        // Three contexts, each whole and in sentences: more than 5 texts.
        ProblemException e = assertThrows(ProblemException.class,
                () -> type.fit(DenseRetrievalModelTest.dataset(), type.validate(Map.of()), storage("many")));
        assertEquals(413, e.status());
        assertEquals("retrieval.models.fit.max-embedded-texts", e.extensions().get("limit"));
        assertEquals(5, e.extensions().get("max"));
        assertTrue(e.detail().contains("chunk_words"), "says what to do: " + e.detail());
        assertEquals(0, embedder.passageTexts, "refused before embedding");
        assertEquals(20_000, ConfigDefaults.of(ModelsConfig.class).fit().maxEmbeddedTexts());
    }

    @Test
    void aHybridNamesTheDenseParameter() {
        HybridModelType hybrid = new HybridModelType(new Bm25ModelType(), new TfidfModelType(),
                new EmbeddingModelType(models, ConfigDefaults.of(ModelsConfig.class)));
        Map<String, Object> params = hybrid.validate(Map.of("dense_params",
                Map.of("chunking", "words", "chunk_words", 1, "chunk_overlap", 0)));
        ProblemException e = assertThrows(ProblemException.class,
                () -> hybrid.fit(DenseRetrievalModelTest.dataset(), params, storage("hybrid")));
        assertEquals("dense_params.chunk_words", e.extensions().get("param"));
        assertEquals("retrieval.models.fit.min-chunk-words", e.extensions().get("limit"));
    }

    @Test
    void aSparseFitHoldsAtMostTheConfiguredTerms() throws java.io.IOException {
        ModelsConfig config = ConfigDefaults.of(ModelsConfig.class, Map.of("fit.maxTerms", 50));
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir.resolve("sparse"));
        for (RetrievalModelType type : java.util.List.of(new TfidfModelType(config), new Bm25ModelType(config))) {
            // Trigrams of three paragraphs: well over 50 distinct terms.
            Map<String, Object> params = type.validate(Map.of("ngram_range", java.util.List.of(1, 3)));
            // The folder exists, as in a real fit: without the bound the fit would succeed.
            RetrievalModelType.Storage storage = new RetrievalModelType.Storage(
                    java.nio.file.Files.createDirectories(dir.resolve(type.type())), "m-" + type.type(), store);
            ProblemException e = assertThrows(ProblemException.class,
                    () -> type.fit(DenseRetrievalModelTest.dataset(), params, storage));
            assertEquals(413, e.status(), type.type());
            assertEquals("retrieval.models.fit.max-terms", e.extensions().get("limit"));
            assertEquals(50, e.extensions().get("max"));
            assertTrue(e.detail().contains("ngram_range"), "says what to do: " + e.detail());
            assertEquals(0, store.count("m-" + type.type()), "nothing indexed");
        }
        assertEquals(1_000_000, ConfigDefaults.of(ModelsConfig.class).fit().maxTerms());
    }
}
