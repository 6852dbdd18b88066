package ai.datasuite.retrieval.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ai.datasuite.retrieval.dataset.QaDataset;
import ai.datasuite.retrieval.dataset.QaRow;
import ai.datasuite.retrieval.model.TfidfModelType;
import ai.datasuite.retrieval.support.ModelsTestProfile;
import ai.datasuite.retrieval.support.SquadData;
import ai.datasuite.retrieval.text.TfidfVectorizer;
import ai.datasuite.testsupport.identity.TestIdentity;
import ai.datasuite.vectorindex.VectorStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestProfile(ModelsTestProfile.class)
class ModelResourceTest {

    private static final String BASE = "/api/v1/models/";
    private static final Map<String, Object> BIGRAMS = Map.of("ngram_range", List.of(1, 2), "sublinear_tf", true,
            "stop_words", "english");

    @Inject
    VectorStore store;

    @ConfigProperty(name = "retrieval.models.dir")
    String modelsDir;

    @Test
    void fitSaveFindUnloadReloadRemove() {
        JsonPath fit = post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "tfidf",
                "model_id", "small-bigrams", "params", BIGRAMS)).statusCode(200).extract().jsonPath();
        assertEquals("small-bigrams", fit.getString("model_id"));
        assertEquals(60, fit.getInt("contexts"));
        assertEquals(60, fit.getInt("vectors"));
        assertTrue(fit.getLong("size_bytes") > 0);
        assertTrue(fit.getLong("fit_millis") >= 0);
        // Defaults filled in, in scikit-learn's terms.
        assertEquals(List.of(1, 2), fit.getList("params.ngram_range"));
        assertEquals(1, fit.getInt("params.min_df"));
        assertEquals(1.0, fit.getDouble("params.max_df"));
        assertEquals("l2", fit.getString("params.norm"));
        assertEquals(true, fit.getBoolean("params.smooth_idf"));
        assertTrue(Files.isRegularFile(Path.of(modelsDir, "small-bigrams", "model.json")));
        assertEquals(60, store.count("model-small-bigrams"));

        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "tfidf", "model_id", "small-bigrams"))
                .statusCode(409).body("type", equalTo("urn:ai-data-suite:problem:conflict"));

        // The ranking is scikit-learn's cosine ranking, computed here independently over all 60 contexts.
        QaDataset small = SquadData.first(SquadData.SMALL, 60);
        QaRow row = small.rows().get(100);
        List<double[]> expected = exactRanking(small, BIGRAMS, row.question());
        JsonPath found = post("find_context", Map.of("model_id", "small-bigrams", "question", row.question(),
                "top_k", 3)).statusCode(200).extract().jsonPath();
        assertEquals(3, found.getList("results").size());
        for (int i = 0; i < 3; i++) {
            assertEquals((int) expected.get(i)[0], found.getInt("results[" + i + "].context_id"));
            assertEquals(expected.get(i)[1], found.getDouble("results[" + i + "].score"), 1e-5);
            assertEquals(small.contexts().get((int) expected.get(i)[0]), found.getString("results[" + i + "].context"));
        }

        JsonPath listed = get("list_model").statusCode(200).extract().jsonPath();
        assertEquals(true, listed.getBoolean("find { it.model_id == 'small-bigrams' }.loaded"));
        long memory = listed.getLong("find { it.model_id == 'small-bigrams' }.memory_bytes");
        assertTrue(memory > 0);
        assertEquals("squad-small", listed.getString("find { it.model_id == 'small-bigrams' }.dataset_id"));

        post("load_model", Map.of("model_id", "small-bigrams")).statusCode(200).body("already_loaded", equalTo(true));
        post("unload_model", Map.of("model_id", "small-bigrams")).statusCode(200)
                .body("was_loaded", equalTo(true)).body("released_bytes", equalTo((int) memory));
        post("unload_model", Map.of("model_id", "small-bigrams")).statusCode(200)
                .body("was_loaded", equalTo(false)).body("released_bytes", equalTo(0));
        get("list_model").statusCode(200)
                .body("find { it.model_id == 'small-bigrams' }.loaded", equalTo(false))
                .body("find { it.model_id == 'small-bigrams' }.memory_bytes", nullValue());

        // Saved but unloaded: find_context loads it from disk and answers the same.
        JsonPath again = post("find_context", Map.of("model_id", "small-bigrams", "question", row.question(),
                "top_k", 3)).statusCode(200).extract().jsonPath();
        assertEquals(found.getList("results.context_id"), again.getList("results.context_id"));
        post("unload_model", Map.of("model_id", "small-bigrams")).statusCode(200);
        post("load_model", Map.of("model_id", "small-bigrams")).statusCode(200)
                .body("already_loaded", equalTo(false)).body("memory_bytes", equalTo((int) memory));

        delete("remove/small-bigrams").statusCode(200).body("removed", equalTo(List.of("small-bigrams")))
                .body("released_bytes", equalTo((int) memory)).body("freed_disk_bytes", greaterThan(0));
        assertFalse(Files.exists(Path.of(modelsDir, "small-bigrams")));
        assertEquals(0, store.count("model-small-bigrams"));
        get("list_model").statusCode(200).body("model_id", not(hasItem("small-bigrams")));
        delete("remove/small-bigrams").statusCode(404).body("type", equalTo("urn:ai-data-suite:problem:not-found"));
        post("find_context", Map.of("model_id", "small-bigrams", "question", "who?")).statusCode(404);
    }

    @Test
    void generatedIdAndBm25() {
        JsonPath fit = post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "bm25"))
                .statusCode(200).extract().jsonPath();
        String id = fit.getString("model_id");
        assertTrue(id.matches("bm25-[0-9a-f]{8}"), id);
        assertEquals(1.2, fit.getDouble("params.k1"));
        assertEquals(0.75, fit.getDouble("params.b"));
        QaRow row = SquadData.first(SquadData.SMALL, 60).rows().get(0);
        post("find_context", Map.of("model_id", id, "question", row.question())).statusCode(200)
                .body("top_k", equalTo(5)).body("results.size()", equalTo(5));
        delete("remove/" + id).statusCode(200);
    }

    @Test
    void qualityTestMatchesAnIndependentComputationAndSamplesAreRepeatable() {
        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "tfidf", "model_id", "small-quality"))
                .statusCode(200);
        QaDataset small = SquadData.first(SquadData.SMALL, 60);
        JsonPath all = post("quality_test", Map.of("model_id", "small-quality")).statusCode(200)
                .extract().jsonPath();
        assertEquals(small.rows().size(), all.getInt("n"));
        assertEquals("squad-small", all.getString("dataset_id"));
        assertEquals(0, all.getInt("unindexed"));

        int right = 0;
        int top5 = 0;
        double mrr = 0;
        double ndcg = 0;
        for (QaRow row : small.rows()) {
            List<double[]> ranking = exactRanking(small, Map.of(), row.question());
            for (int r = 0; r < 10; r++) {
                if ((int) ranking.get(r)[0] == row.contextIndex() && ranking.get(r)[1] > 0) {
                    right += r == 0 ? 1 : 0;
                    top5 += r < 5 ? 1 : 0;
                    mrr += 1.0 / (r + 1);
                    ndcg += 1.0 / (Math.log(r + 2) / Math.log(2));
                    break;
                }
            }
        }
        int n = small.rows().size();
        // Float storage may swap two contexts whose scores tie to 7 digits: allow one question of slack.
        assertEquals((double) right / n, all.getDouble("accuracy"), 1.0 / n + 1e-9);
        assertEquals(all.getDouble("accuracy"), all.getDouble("recall_at_1"));
        assertEquals((double) top5 / n, all.getDouble("recall_at_5"), 1.0 / n + 1e-9);
        assertEquals(mrr / n, all.getDouble("mrr_at_10"), 1.0 / n);
        assertEquals(ndcg / n, all.getDouble("ndcg_at_10"), 1.0 / n);
        assertTrue(all.getDouble("recall_at_5") <= all.getDouble("recall_at_10"));
        assertTrue(all.getDouble("mrr_at_10") <= all.getDouble("ndcg_at_10"));

        JsonPath first = post("quality_test", Map.of("model_id", "small-quality", "sample", 50)).statusCode(200)
                .extract().jsonPath();
        JsonPath second = post("quality_test", Map.of("model_id", "small-quality", "sample", 50)).statusCode(200)
                .extract().jsonPath();
        assertEquals(50, first.getInt("n"));
        assertEquals(42, first.getInt("seed"));
        for (String metric : List.of("accuracy", "recall_at_5", "recall_at_10", "mrr_at_10", "ndcg_at_10")) {
            assertEquals(first.getDouble(metric), second.getDouble(metric), 0.0, metric);
        }
        // Larger than the dataset: every question, no sample drawn.
        post("quality_test", Map.of("model_id", "small-quality", "sample", 100000)).statusCode(200)
                .body("n", equalTo(n)).body("seed", nullValue());

        JsonPath bench = post("benchmark", Map.of("model_id", "small-quality", "n", 40)).statusCode(200)
                .extract().jsonPath();
        assertEquals(40, bench.getInt("n"));
        assertTrue(bench.getDouble("p50_ms") <= bench.getDouble("p95_ms"));
        assertTrue(bench.getDouble("p95_ms") <= bench.getDouble("p99_ms"));
        assertTrue(bench.getDouble("p99_ms") <= bench.getDouble("max_ms"));
        assertTrue(bench.getDouble("qps") > 0);
        assertEquals(false, bench.getBoolean("loaded_now"));
        post("unload_model", Map.of("model_id", "small-quality")).statusCode(200);
        post("benchmark", Map.of("model_id", "small-quality")).statusCode(200)
                .body("n", equalTo(100)).body("loaded_now", equalTo(true));
        delete("remove/small-quality").statusCode(200);
    }

    @Test
    void listModelAnswersPostAsTheEarlierApiDid() {
        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "bm25", "model_id", "listed-by-post"))
                .statusCode(200);
        List<String> byGet = get("list_model").statusCode(200).extract().jsonPath().getList("model_id");
        assertTrue(byGet.contains("listed-by-post"), byGet.toString());
        assertEquals(byGet, given().post(BASE + "list_model").then().statusCode(200).extract().jsonPath()
                .getList("model_id"));
        assertEquals(byGet, post("list_model", Map.of()).statusCode(200).extract().jsonPath().getList("model_id"));
        post("list_model", Map.of()).body("find { it.model_id == 'listed-by-post' }.model_type", equalTo("bm25"))
                .body("find { it.model_id == 'listed-by-post' }.loaded", equalTo(true));
        TestIdentity.anonymous().post(BASE + "list_model").then().statusCode(401);
        delete("remove/listed-by-post").statusCode(200);
    }

    @Test
    void tfDashIdfIsTfidf() {
        JsonPath fit = post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "tf-idf",
                "model_id", "seed-spelling", "params", BIGRAMS)).statusCode(200).extract().jsonPath();
        assertEquals("tfidf", fit.getString("model_type"));
        assertEquals(List.of(1, 2), fit.getList("params.ngram_range"));
        // The same vectors as tfidf: the same ranking as scikit-learn's.
        QaDataset small = SquadData.first(SquadData.SMALL, 60);
        QaRow row = small.rows().get(7);
        post("find_context", Map.of("model_id", "seed-spelling", "question", row.question(), "top_k", 1))
                .statusCode(200).body("results[0].context_id",
                        equalTo((int) exactRanking(small, BIGRAMS, row.question()).get(0)[0]));
        get("list_model").body("find { it.model_id == 'seed-spelling' }.model_type", equalTo("tfidf"));
        delete("remove/seed-spelling").statusCode(200);
        // Wherever a model type is read: the hybrid's sparse part too. Its tfidf params are checked as tfidf's
        // (a bad value, not an unknown parameter of bm25, the default), before anything is fitted.
        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "hybrid", "params",
                Map.of("sparse_type", "tf-idf", "sparse_params", Map.of("sublinear_tf", "yes")))).statusCode(400)
                .body("param", equalTo("sparse_params.sublinear_tf"))
                .body("detail", not(containsString("Unknown parameter")));
        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "hybrid", "params",
                Map.of("sparse_type", "tf_idf"))).statusCode(400).body("param", equalTo("sparse_type"));
        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "tf_idf")).statusCode(400)
                .body("field", equalTo("model_type"));
    }

    @Test
    void fitRejectsBadInput() {
        problem(post("fit_save", Map.of("model_type", "tfidf")), 400, "dataset_id");
        problem(post("fit_save", Map.of("dataset_id", "squad-small")), 400, "model_type");
        post("fit_save", Map.of("dataset_id", "squad-small", "model_type", "word2vec")).statusCode(400)
                .body("detail", containsString("Unknown model_type 'word2vec'"))
                .body("allowed", hasItem("tfidf")).body("allowed", hasItem("bm25"));
        post("fit_save", Map.of("dataset_id", "nope", "model_type", "tfidf")).statusCode(404);
        problem(post("fit_save", Map.of("dataset_id", "squad-small", "model_type", "tfidf", "model_id", "../x")),
                400, "model_id");
        problem(post("fit_save", Map.of("dataset_id", "squad-small", "model_type", "tfidf",
                "model_id", "x".repeat(65))), 400, "model_id");
        given().contentType(ContentType.JSON).body("{\"dataset_id\": ").post(BASE + "fit_save").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).post(BASE + "fit_save").then().statusCode(400)
                .contentType("application/problem+json");

        Map<String, Object> badTfidf = new java.util.LinkedHashMap<>();
        badTfidf.put("norm", "l3");
        badTfidf.put("min_df", 0);
        badTfidf.put("max_df", 1.5);
        badTfidf.put("ngram_range", List.of(2, 1));
        badTfidf.put("max_features", 0);
        badTfidf.put("stop_words", 5);
        badTfidf.put("lowercase", "yes");
        badTfidf.put("sublinear_tf", 1);
        badTfidf.put("smooth_idf", "true");
        badTfidf.put("use_idf", List.of());
        badTfidf.put("alpha", 1);
        for (Map.Entry<String, Object> bad : badTfidf.entrySet()) {
            param(Map.of("dataset_id", "squad-small", "model_type", "tfidf",
                    "params", Map.of(bad.getKey(), bad.getValue())), bad.getKey());
        }
        param(Map.of("dataset_id", "squad-small", "model_type", "tfidf", "params", Map.of("ngram_range", "1,2")),
                "ngram_range");
        param(Map.of("dataset_id", "squad-small", "model_type", "tfidf", "params", Map.of("ngram_range",
                List.of(1, 9))), "ngram_range");
        param(Map.of("dataset_id", "squad-small", "model_type", "tfidf", "params", Map.of("min_df", -0.5)),
                "min_df");
        param(Map.of("dataset_id", "squad-small", "model_type", "bm25", "params", Map.of("k1", -1)), "k1");
        param(Map.of("dataset_id", "squad-small", "model_type", "bm25", "params", Map.of("b", 2)), "b");
        param(Map.of("dataset_id", "squad-small", "model_type", "bm25", "params", Map.of("min_df", 2)), "min_df");
        post("fit_save", Map.of("dataset_id", "squad-small", "model_type", "tfidf", "params", Map.of("norm", "l3")))
                .body("allowed", equalTo(List.of("l2", "l1", "none")));

        // Valid parameters that leave no term: scikit-learn's own error, as a 400; nothing is left behind.
        post("fit_save", Map.of("dataset_id", "squad-small", "model_type", "tfidf", "model_id", "pruned",
                "params", Map.of("min_df", 0.9, "max_df", 0.1))).statusCode(400)
                .body("detail", containsString("max_df corresponds to < documents than min_df"));
        post("fit_save", Map.of("dataset_id", "squad-small", "model_type", "tfidf", "model_id", "pruned",
                "params", Map.of("min_df", 0.0, "max_df", 0.0))).statusCode(400)
                .body("detail", containsString("no terms remain"));
        assertFalse(Files.exists(Path.of(modelsDir, "pruned")));
        assertEquals(0, store.count("model-pruned"));
    }

    @Test
    void searchEndpointsRejectBadInput() {
        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "tfidf", "model_id", "small-bad"))
                .statusCode(200);
        problem(post("find_context", Map.of("model_id", "small-bad", "question", "  ")), 400, "question");
        problem(post("find_context", Map.of("model_id", "small-bad")), 400, "question");
        problem(post("find_context", Map.of("model_id", "small-bad", "question", "q", "top_k", 0)), 400, "top_k");
        problem(post("find_context", Map.of("model_id", "small-bad", "question", "q", "top_k", 101)), 400, "top_k");
        problem(post("find_context", Map.of("question", "q")), 400, "model_id");
        post("find_context", Map.of("model_id", "small-bad", "question", "q", "top_k", "three")).statusCode(400)
                .body("detail", containsString("top_k"));
        post("find_context", Map.of("model_id", "nope", "question", "q")).statusCode(404);
        // No known term: no ranked context rather than 60 zero scores.
        post("find_context", Map.of("model_id", "small-bad", "question", "zzyzx qwxv")).statusCode(200)
                .body("results.size()", equalTo(0));

        problem(post("quality_test", Map.of("model_id", "small-bad", "sample", 0)), 400, "sample");
        problem(post("quality_test", Map.of("model_id", "small-bad", "dataset_id", " ")), 400, "dataset_id");
        post("quality_test", Map.of("model_id", "small-bad", "dataset_id", "nope")).statusCode(404);
        post("quality_test", Map.of("model_id", "nope")).statusCode(404);
        problem(post("quality_test", Map.of()), 400, "model_id");

        problem(post("benchmark", Map.of("model_id", "small-bad", "n", 0)), 400, "n");
        problem(post("benchmark", Map.of("model_id", "small-bad", "n", 10001)), 400, "n");
        post("benchmark", Map.of("model_id", "nope")).statusCode(404);

        problem(post("load_model", Map.of()), 400, "model_id");
        post("load_model", Map.of("model_id", "nope")).statusCode(404);
        post("load_model", Map.of("model_id", "../../etc")).statusCode(404);
        problem(post("unload_model", Map.of()), 400, "model_id");
        post("unload_model", Map.of("model_id", "nope")).statusCode(404);
        delete("remove/..%2F..").statusCode(404);
        delete("remove/small-bad").statusCode(200);
    }

    @Test
    void quality_testOnAnotherDatasetCountsContextsTheModelDoesNotHold() {
        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "tfidf", "model_id", "small-cross"))
                .statusCode(200);
        JsonPath report = post("quality_test", Map.of("model_id", "small-cross", "dataset_id", SquadData.FULL,
                "sample", 300)).statusCode(200).extract().jsonPath();
        assertEquals("squad", report.getString("dataset_id"));
        assertEquals(300, report.getInt("n"));
        // About 60 of 1,635 contexts are indexed, so most sampled questions cannot be answered.
        assertTrue(report.getInt("unindexed") > 200, report.getString("unindexed"));
        assertTrue(report.getDouble("recall_at_10") <= (300.0 - report.getInt("unindexed")) / 300);
        delete("remove/small-cross").statusCode(200);
    }

    /** (context id, cosine) of every context, best first, ties to the lower id: scikit-learn's ranking. */
    static List<double[]> exactRanking(QaDataset dataset, Map<String, Object> params, String question) {
        TfidfVectorizer vectorizer = TfidfVectorizer.fit(dataset.contexts(),
                TfidfModelType.settings(new TfidfModelType().validate(params)));
        TfidfVectorizer.Weights q = vectorizer.transform(question);
        List<double[]> ranking = new ArrayList<>();
        for (int d = 0; d < dataset.contexts().size(); d++) {
            TfidfVectorizer.Weights doc = vectorizer.transform(dataset.contexts().get(d));
            double score = 0;
            for (int i = 0, j = 0; i < q.indices().length && j < doc.indices().length;) {
                if (q.indices()[i] == doc.indices()[j]) {
                    score += q.values()[i++] * doc.values()[j++];
                } else if (q.indices()[i] < doc.indices()[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            ranking.add(new double[] {d, score});
        }
        ranking.sort(Comparator.<double[]>comparingDouble(r -> -r[1]).thenComparingDouble(r -> r[0]));
        return ranking;
    }

    private static void param(Map<String, Object> body, String name) {
        post("fit_save", body).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("param", equalTo(name)).body("detail", containsString(name));
    }

    private static void problem(ValidatableResponse response, int status, String field) {
        response.statusCode(status).contentType("application/problem+json")
                .body("field", equalTo(field)).body("detail", containsString(field));
    }

    @Test
    void aFitThatDiedBeforeSavingLeavesNothingInTheWay() throws Exception {
        // What a crash mid-fit leaves: the folder, part of its files, no model.json.
        Path leftover = Files.createDirectories(Path.of(modelsDir, "crashed"));
        Files.writeString(leftover.resolve("vocabulary.tsv"), "half\t1\n");
        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "bm25", "model_id", "crashed"))
                .statusCode(200).body("model_id", equalTo("crashed"));
        assertTrue(Files.isRegularFile(leftover.resolve("model.json")));
        given().when().delete(BASE + "remove/crashed").then().statusCode(200);
    }

    private static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(BASE + path).then();
    }

    private static ValidatableResponse get(String path) {
        return given().get(BASE + path).then();
    }

    private static ValidatableResponse delete(String path) {
        return given().delete(BASE + path).then();
    }
}
