package ai.datasuite.retrieval.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.client.FakeQdrant;
import ai.datasuite.retrieval.config.ConfigDefaults;
import ai.datasuite.retrieval.config.ModelsConfig;
import ai.datasuite.retrieval.dataset.QaDataset;
import ai.datasuite.retrieval.dataset.QaRow;
import ai.datasuite.retrieval.embedding.EmbeddingModels;
import ai.datasuite.retrieval.embedding.TextEmbedder;
import ai.datasuite.retrieval.index.QdrantVectorStore;
import ai.datasuite.retrieval.model.RetrievalModel.Hit;
import ai.datasuite.retrieval.support.SquadData;
import ai.datasuite.vectorindex.VectorStore;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

class HybridModelTest {

    @TempDir
    Path dir;

    @Test
    void sameModelSameTopKOnEmbeddedAndQdrantStores() throws Exception {
        // A stand-in embedder keeps this fast; the stores see real sparse (BM25) and dense vectors and filters.
        HashingEmbedder embedder = new HashingEmbedder(128);
        HybridModelType type = hybridType(fixed(embedder));
        QaDataset data = SquadData.first("squad-40", 40);
        Map<String, Object> params = type.validate(Map.of());
        RetrievalModel embedded = type.fit(data, params, storage("e", new EmbeddedVectorStore(dir.resolve("vectors"))));
        try (FakeQdrant fake = new FakeQdrant(dir.resolve("qdrant"));
             QdrantVectorStore qdrant = new QdrantVectorStore(fake.client(), 64)) {
            RetrievalModel remote = type.fit(data, params, storage("q", qdrant));
            for (QaRow row : data.rows()) {
                assertEquals(embedded.search(row.question(), 5), remote.search(row.question(), 5), row.question());
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void e5HybridBeatsItsPartsAndReloads() throws Exception {
        QaDataset data = SquadData.first("squad-30", 30);
        EmbeddingModels models = new EmbeddingModels();
        HybridModelType type = hybridType(models);
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir.resolve("vectors"));
        Map<String, Object> params = type.validate(Map.of());
        RetrievalModel hybrid = type.fit(data, params, storage("h", store));
        Bm25ModelType bm25 = new Bm25ModelType();
        RetrievalModel sparse = bm25.load((Map<String, Object>) params.get("sparse_params"),
                new RetrievalModelType.Storage(dir.resolve("h").resolve("sparse"), "h-sparse", store));
        RetrievalModel dense = new EmbeddingModelType(models, ConfigDefaults.of(ModelsConfig.class))
                .load((Map<String, Object>) params.get("dense_params"),
                new RetrievalModelType.Storage(dir.resolve("h").resolve("dense"), "h-dense", store));

        double h = accuracy(hybrid, data);
        double s = accuracy(sparse, data);
        double d = accuracy(dense, data);
        System.out.printf("SQuAD first 30 contexts, %d questions: bm25 %.3f, e5 %.3f, hybrid %.3f%n",
                data.rows().size(), s, d, h);
        // The first article (Super Bowl 50) is a hard one: 30 paragraphs about one game. Fusion must beat both parts.
        assertTrue(h > Math.max(s, d), "hybrid " + h + " vs bm25 " + s + " and e5 " + d);

        RetrievalModel reloaded = type.load(params, storage("h", new EmbeddedVectorStore(dir.resolve("vectors"))));
        for (QaRow row : data.rows().subList(0, 20)) {
            assertEquals(hybrid.search(row.question(), 10), reloaded.search(row.question(), 10));
        }
        assertTrue(hybrid.memoryBytes() > 0);

        type.delete(params, storage("h", store));
        assertEquals(0, store.count("h-sparse"));
        assertEquals(0, store.count("h-dense"));
        assertEquals(List.of(), store.collections());
    }

    @Test
    void validatesNestedParams() {
        HybridModelType type = hybridType(fixed(new HashingEmbedder(8)));
        Map<String, Object> defaults = type.validate(Map.of());
        assertEquals("bm25", defaults.get("sparse_type"));
        assertEquals("english", ((Map<?, ?>) defaults.get("sparse_params")).get("stop_words"));
        assertEquals("e5-small-v2", ((Map<?, ?>) defaults.get("dense_params")).get("model"));
        assertEquals(0.7, defaults.get("weight"));
        assertEquals("zscore", defaults.get("normalization"));
        assertEquals("tfidf", type.validate(Map.of("sparse_type", "tfidf", "sparse_params",
                Map.of("sublinear_tf", true))).get("sparse_type"));

        ProblemException nested = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> type.validate(Map.of("sparse_params", Map.of("k1", -1))));
        assertEquals("sparse_params.k1", nested.extensions().get("param"));
        assertEquals("dense_params.model", org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> type.validate(Map.of("dense_params", Map.of("model", "bert")))).extensions().get("param"));
        assertEquals("sparse_params", org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> type.validate(Map.of("sparse_params", "k1=2"))).extensions().get("param"));
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("method", "max"), Map.of("weight", 1.5),
                Map.of("rrf_k", 0), Map.of("candidates", 0), Map.of("normalization", "l2"), Map.of("alpha", 1))) {
            assertEquals(400, org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                    () -> type.validate(bad)).status(), bad.toString());
        }
    }

    static double accuracy(RetrievalModel model, QaDataset data) {
        int right = 0;
        for (QaRow row : data.rows()) {
            List<Hit> hits = model.search(row.question(), 1);
            right += !hits.isEmpty() && hits.get(0).contextId() == row.contextIndex() ? 1 : 0;
        }
        return right / (double) data.rows().size();
    }

    private RetrievalModelType.Storage storage(String name, VectorStore store) throws Exception {
        Files.createDirectories(dir.resolve(name));
        return new RetrievalModelType.Storage(dir.resolve(name), name, store);
    }

    static HybridModelType hybridType(EmbeddingModels models) {
        return new HybridModelType(new Bm25ModelType(), new TfidfModelType(),
                new EmbeddingModelType(models, ConfigDefaults.of(ModelsConfig.class)));
    }

    static EmbeddingModels fixed(TextEmbedder embedder) {
        return new EmbeddingModels() {
            @Override
            public TextEmbedder get(Kind kind) {
                return embedder;
            }
        };
    }
}
