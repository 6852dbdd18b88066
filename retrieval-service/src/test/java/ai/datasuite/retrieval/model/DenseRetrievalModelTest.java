package ai.datasuite.retrieval.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.config.ConfigDefaults;
import ai.datasuite.retrieval.config.ModelsConfig;
import ai.datasuite.retrieval.dataset.QaDataset;
import ai.datasuite.retrieval.dataset.QaRow;
import ai.datasuite.retrieval.embedding.EmbeddingModels;
import ai.datasuite.retrieval.embedding.TextEmbedder;
import ai.datasuite.retrieval.model.RetrievalModel.Hit;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

class DenseRetrievalModelTest {

    @TempDir
    Path dir;

    static QaDataset dataset() {
        List<String> contexts = List.of(
                "The Rhine flows through Switzerland Germany and the Netherlands into the North Sea near Rotterdam",
                // A long context whose answer sits at its very end: only chunking lets a short window see it.
                "Warsaw is the capital of Poland. " + "Filler words about nothing in particular here. ".repeat(12)
                        + "The Vistula river crosses Warsaw from south to north",
                "Photosynthesis converts light energy into chemical energy stored in glucose inside chloroplasts");
        List<QaRow> rows = new ArrayList<>();
        rows.add(new QaRow(1, contexts.get(0), "Where does the Rhine reach the North Sea?", "Rotterdam", 0));
        rows.add(new QaRow(2, contexts.get(1), "Which river crosses Warsaw?", "Vistula", 1));
        rows.add(new QaRow(3, contexts.get(2), "Where is glucose energy stored by photosynthesis?", "chloroplasts", 2));
        return new QaDataset("ds1", "tiny", rows, contexts);
    }

    @Test
    void scoresAContextByItsBestChunk() {
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir.resolve("vectors"));
        HashingEmbedder embedder = new HashingEmbedder(256);
        EmbeddingModels models = new EmbeddingModels() {
            @Override
            public TextEmbedder get(Kind kind) {
                return embedder;
            }
        };
        EmbeddingModelType type = new EmbeddingModelType(models, ConfigDefaults.of(ModelsConfig.class));
        Map<String, Object> params = type.validate(Map.of("chunking", "words", "chunk_words", 10, "chunk_overlap", 3,
                "passage_weight", 0.0));
        RetrievalModelType.Storage storage = new RetrievalModelType.Storage(dir.resolve("m"), "m-dense", store);
        RetrievalModel model = type.fit(dataset(), params, storage);

        assertTrue(store.count("m-dense") > 3, "the long context is split into chunks");
        List<Hit> hits = model.search("Which river crosses Warsaw?", 3);
        assertEquals(1, hits.get(0).contextId());
        assertEquals(3, hits.size(), "three distinct contexts, not three chunks of one");
        assertEquals(3, hits.stream().map(Hit::contextId).distinct().count());
        float[] q = embedder.embedQueries(List.of("Which river crosses Warsaw?"))[0];
        double best = store.searchDense("m-dense", q, 1, Map.of("context_id", "1")).get(0).score();
        assertEquals(best, hits.get(0).score(), 1e-6);

        // Without chunks the filler dilutes the long context's vector: its score drops.
        RetrievalModel whole = type.fit(dataset(), type.validate(Map.of("chunking", "none")),
                new RetrievalModelType.Storage(dir.resolve("w"), "w-dense", store));
        double wholeScore = whole.search("Which river crosses Warsaw?", 3).stream()
                .filter(h -> h.contextId() == 1).findFirst().orElseThrow().score();
        assertTrue(wholeScore < hits.get(0).score(), wholeScore + " < " + hits.get(0).score());

        // Loaded again from its folder and the (persisted) store: the same answers.
        model.close();
        EmbeddedVectorStore reopened = new EmbeddedVectorStore(dir.resolve("vectors"));
        RetrievalModel loaded = type.load(params,
                new RetrievalModelType.Storage(dir.resolve("m"), "m-dense", reopened));
        assertEquals(hits, loaded.search("Which river crosses Warsaw?", 3));
        assertTrue(loaded.memoryBytes() > 0);
    }

    @Test
    void validatesParams() {
        EmbeddingModelType type = new EmbeddingModelType(new EmbeddingModels(),
                ConfigDefaults.of(ModelsConfig.class));
        assertEquals(Map.of("model", "e5-small-v2", "chunking", "sentences", "chunk_words", 80, "chunk_overlap", 20,
                "passage_weight", 0.3), type.validate(Map.of()));
        assertEquals(Map.of("model", "all-minilm-l6-v2", "chunking", "words", "chunk_words", 80, "chunk_overlap", 20,
                "passage_weight", 0.0), type.validate(Map.of("model", "all-minilm-l6-v2")));
        assertEquals(1.0, type.validate(Map.of("chunking", "none")).get("passage_weight"));
        assertEquals("passage_weight", org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> type.validate(Map.of("chunking", "none", "passage_weight", 0.5))).extensions().get("param"));
        assertEquals("passage_weight", org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> type.validate(Map.of("passage_weight", 1.5))).extensions().get("param"));
        ProblemException unknown = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> type.validate(Map.of("model", "gpt-9")));
        assertEquals("model", unknown.extensions().get("param"));
        assertEquals(List.of("e5-small-v2", "all-minilm-l6-v2"), unknown.extensions().get("allowed"));
        ProblemException overlap = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> type.validate(Map.of("chunking", "words", "chunk_words", 10, "chunk_overlap", 10)));
        assertEquals("chunk_overlap", overlap.extensions().get("param"));
        assertEquals(400, org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> type.validate(Map.of("temperature", 1))).status());
    }
}
