package ai.datasuite.retrieval.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.config.ConfigDefaults;
import ai.datasuite.retrieval.config.ModelsConfig;
import ai.datasuite.retrieval.dataset.DatasetSource;
import ai.datasuite.retrieval.dataset.QaDataset;
import ai.datasuite.retrieval.dataset.QaRow;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

/**
 * The bounds on costly model work ({@code find_context} question length, {@code benchmark} n, {@code quality_test}
 * questions), with the service's own defaults: each refusal names its configuration key.
 */
class ModelLimitsTest {

    @TempDir
    Path dir;

    private static final String[] WORDS = {"river", "mountain", "desert", "forest", "ocean", "island", "valley",
            "glacier"};

    private static QaDataset dataset() {
        List<String> contexts = new ArrayList<>();
        List<QaRow> rows = new ArrayList<>();
        for (int i = 0; i < WORDS.length; i++) {
            contexts.add("The " + WORDS[i] + " number " + i + " is described in this paragraph.");
            rows.add(new QaRow(i + 1, contexts.get(i), "Which " + WORDS[i] + "?", WORDS[i], i));
        }
        return new QaDataset("ds", "tiny", rows, contexts);
    }

    private ModelsConfig config(Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>(overrides);
        all.put("dir", dir.resolve("models").toString());
        return ConfigDefaults.of(ModelsConfig.class, all);
    }

    private ModelRegistry registry(ModelsConfig config) {
        ModelRegistry registry = new ModelRegistry(List.of(new Bm25ModelType()), source(),
                new EmbeddedVectorStore(dir.resolve("vectors")), config, new ObjectMapper().findAndRegisterModules());
        registry.fitSave(new FitRequest("ds", "bm25", Map.of(), "m"), "alice");
        return registry;
    }

    private static DatasetSource source() {
        return new DatasetSource() {
            @Override
            public QaDataset get(String datasetId) {
                return dataset();
            }

            @Override
            public QaDataset getForModel(String datasetId) {
                return dataset();
            }
        };
    }

    @Test
    void findContextRefusesALongQuestionWithoutEchoingIt() {
        ModelsConfig config = config(Map.of());
        ModelSearch search = new ModelSearch(registry(config), config);
        String question = "river ".repeat(400) + "mountain?";
        ProblemException e = assertThrows(ProblemException.class,
                () -> search.findContext(new FindContextRequest("m", question, 3)));
        assertEquals(400, e.status());
        assertEquals("question", e.extensions().get("field"));
        assertEquals("retrieval.models.max-question-chars", e.extensions().get("limit"));
        assertEquals(2000, e.extensions().get("max"));
        assertTrue(e.detail().contains("retrieval.models.max-question-chars"), e.detail());
        assertFalse(e.detail().contains("river"), "the question is not echoed: " + e.detail());

        String longest = "mountain ".repeat(222) + "xx";
        assertEquals(2000, longest.length());
        assertEquals(longest, search.findContext(new FindContextRequest("m", longest, 3)).question());
    }

    @Test
    void benchmarkTimesAtMostAThousandSearches() {
        ModelsConfig config = config(Map.of());
        ModelRegistry registry = registry(config);
        ModelEvaluation evaluation = new ModelEvaluation(registry, source(), config);
        ProblemException e = assertThrows(ProblemException.class,
                () -> evaluation.benchmark(new BenchmarkRequest("m", 1001)));
        assertEquals(400, e.status());
        assertEquals("n", e.extensions().get("field"));
        assertEquals("retrieval.models.benchmark.max-n", e.extensions().get("limit"));
        assertTrue(e.detail().contains("retrieval.models.benchmark.max-n"), e.detail());
        assertEquals(1000, evaluation.benchmark(new BenchmarkRequest("m", 1000)).n());
    }

    @Test
    void qualityTestAsksAtMostTheConfiguredQuestions() {
        ModelsConfig config = config(Map.of("quality.maxQuestions", 5));
        ModelRegistry registry = registry(config);
        ModelEvaluation evaluation = new ModelEvaluation(registry, source(), config);
        ProblemException e = assertThrows(ProblemException.class,
                () -> evaluation.qualityTest(new QualityTestRequest("m", null, null)));
        assertEquals(413, e.status());
        assertEquals("retrieval.models.quality.max-questions", e.extensions().get("limit"));
        assertEquals(8, e.extensions().get("requested"));
        assertTrue(e.detail().contains("sample"), "says what to do: " + e.detail());
        assertEquals(5, evaluation.qualityTest(new QualityTestRequest("m", null, 5)).n());
        assertEquals(10_000, ConfigDefaults.of(ModelsConfig.class).quality().maxQuestions());
    }
}
