package ai.datasuite.inference.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.datasuite.inference.TinyModels;
import ai.datasuite.inference.TinyModelsResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = TinyModelsResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PredictResourceTest {

    private static final String LONG = "I am so happy today , the weather is great and I love this movie what a day !";

    private static JsonPath predict(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/predict")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Label, score and the full ranking equal the plain-Java reference for both layouts. */
    @Test
    void predictionsEqualTheReferenceForBothLayouts() {
        List<String> texts = List.of("I hate this movie", "what a great day !", "sad", "words nobody knows", LONG);
        for (var entry : Map.of(TinyModelsResource.TINY, TinyModels.ROBERTA_LIKE,
                TinyModelsResource.TINY_BERT, TinyModels.BERT_LIKE).entrySet()) {
            TinyModels reference = new TinyModels(entry.getValue());
            List<String> labels = entry.getValue().labels();
            JsonPath answer = predict(Map.of("texts", texts, "model", entry.getKey(), "top_k", labels.size()));
            assertEquals(entry.getKey(), answer.getString("model"));
            assertEquals("1", answer.getString("model_version"));
            for (int i = 0; i < texts.size(); i++) {
                double[] expected = reference.probabilities(texts.get(i));
                int best = reference.best(texts.get(i));
                String at = "predictions[" + i + "].";
                assertEquals(labels.get(best), answer.getString(at + "label"), entry.getKey() + " " + i);
                assertEquals(expected[best], answer.getDouble(at + "score"), 1e-5);
                List<Map<String, Object>> ranked = answer.getList(at + "ranked");
                assertEquals(labels.size(), ranked.size());
                double previous = 1.0;
                for (Map<String, Object> item : ranked) {
                    double score = ((Number) item.get("score")).doubleValue();
                    assertEquals(expected[labels.indexOf((String) item.get("label"))], score, 1e-5);
                    assertTrue(score <= previous, "ranked best first");
                    previous = score;
                }
            }
        }
    }

    @Test
    void withoutTopKThereIsNoRankingAndTheDefaultModelServes() {
        given().contentType(ContentType.JSON).body(Map.of("texts", List.of("I love this")))
                .when().post("/api/v1/predict")
                .then().statusCode(200)
                .body("model", equalTo(TinyModelsResource.TINY))
                .body("predictions", hasSize(1))
                .body("predictions[0].ranked", nullValue())
                .body("predictions[0].label", equalTo(TinyModels.ROBERTA_LIKE.labels()
                        .get(new TinyModels(TinyModels.ROBERTA_LIKE).best("I love this"))));
        JsonPath two = predict(Map.of("texts", List.of("I love this"), "top_k", 2));
        assertEquals(2, two.getList("predictions[0].ranked").size());
    }

    /** Texts beyond the max length score like their first max_length - 2 words ([CLS] and [SEP] take two). */
    @Test
    void longTextsAreTruncatedToTheModelsMaxLength() {
        for (var entry : Map.of(TinyModelsResource.TINY, TinyModels.ROBERTA_LIKE,
                TinyModelsResource.TINY_BERT, TinyModels.BERT_LIKE).entrySet()) {
            int keep = entry.getValue().maxLength() - 2;
            String prefix = String.join(" ", List.of(LONG.split(" ")).subList(0, keep));
            String differentTail = prefix + " hate hate terrible sad angry";
            JsonPath answer = predict(Map.of("texts", List.of(LONG, prefix, differentTail), "model", entry.getKey(),
                    "top_k", 3));
            for (int i = 1; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(answer.getDouble("predictions[0].ranked[" + k + "].score"),
                            answer.getDouble("predictions[" + i + "].ranked[" + k + "].score"), 1e-6);
                }
            }
        }
    }

    /** A short text alone and padded next to a long one gets the same probabilities. */
    @Test
    void paddingDoesNotChangeAPrediction() {
        for (String model : List.of(TinyModelsResource.TINY, TinyModelsResource.TINY_BERT)) {
            JsonPath alone = predict(Map.of("texts", List.of("sad"), "model", model, "top_k", 3));
            JsonPath padded = predict(Map.of("texts", List.of(LONG, "sad", "i am"), "model", model, "top_k", 3));
            for (int k = 0; k < 3; k++) {
                assertEquals(alone.getString("predictions[0].ranked[" + k + "].label"),
                        padded.getString("predictions[1].ranked[" + k + "].label"));
                assertEquals(alone.getDouble("predictions[0].ranked[" + k + "].score"),
                        padded.getDouble("predictions[1].ranked[" + k + "].score"), 1e-6);
            }
        }
    }

    /**
     * Many single-text requests at once are merged into fewer session runs, and each still gets its own answer. The
     * tiny model runs in microseconds, so on a busy machine one wave of requests may arrive spaced out and never
     * overlap; up to five waves are sent until one merges (the batcher's merging itself is pinned in
     * PredictionBatcherTest).
     */
    @Test
    void concurrentRequestsAreMicroBatched() throws Exception {
        String model = TinyModelsResource.TINY_BERT;
        TinyModels reference = new TinyModels(TinyModels.BERT_LIKE);
        JsonPath before = given().get("/api/v1/classifiers/" + model).then().statusCode(200).extract().jsonPath();
        int clients = 24;
        int maxWaves = 5;
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            List<String> words = new ArrayList<>(TinyModels.WORDS);
            Collections.rotate(words, i);
            texts.add(String.join(" ", words.subList(0, 1 + i % 4)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        int waves = 0;
        long requests;
        long runs;
        JsonPath after;
        try {
            do {
                sendOneWave(pool, texts, model, reference);
                waves++;
                after = given().get("/api/v1/classifiers/" + model).then().statusCode(200).extract().jsonPath();
                requests = after.getLong("batching.requests") - before.getLong("batching.requests");
                runs = after.getLong("batching.runs") - before.getLong("batching.runs");
            } while (runs >= requests && waves < maxWaves);
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("micro-batching: %d concurrent requests in %d wave(s) served in %d session runs%n",
                requests, waves, runs);
        assertEquals((long) clients * waves, requests);
        assertTrue(runs < requests, "expected fewer runs than requests, got " + runs + " runs for " + requests);
        assertTrue(after.getLong("batching.largest_batch") > 1);
    }

    /** Sends one single-text request per text, all released at once, and checks each answer against the reference. */
    private static void sendOneWave(ExecutorService pool, List<String> texts, String model, TinyModels reference)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(texts.size());
        List<Future<JsonPath>> answers = new ArrayList<>();
        for (String text : texts) {
            answers.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return predict(Map.of("texts", List.of(text), "model", model));
            }));
        }
        for (int i = 0; i < texts.size(); i++) {
            JsonPath answer = answers.get(i).get(60, TimeUnit.SECONDS);
            double[] expected = reference.probabilities(texts.get(i));
            int best = reference.best(texts.get(i));
            assertEquals(TinyModels.BERT_LIKE.labels().get(best), answer.getString("predictions[0].label"));
            assertEquals(expected[best], answer.getDouble("predictions[0].score"), 1e-5);
        }
    }

    @Test
    void missingOrEmptyTextsAre400() {
        for (String body : List.of("{}", "{\"texts\": []}", "{\"texts\": null}", "")) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/predict")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ai-data-suite:problem:validation"));
        }
        given().contentType(ContentType.JSON).body("{\"texts\": \"just one\"}")
                .when().post("/api/v1/predict")
                .then().statusCode(400).body("detail", containsString("texts"));
        given().contentType(ContentType.JSON).body("{\"texts\": [\"a\"")
                .when().post("/api/v1/predict")
                .then().statusCode(400).body("title", equalTo("Invalid JSON"));
    }

    @Test
    void moreTextsThanTheLimitIs413() {
        given().contentType(ContentType.JSON).body(Map.of("texts", Collections.nCopies(65, "happy")))
                .when().post("/api/v1/predict")
                .then().statusCode(413)
                .body("type", equalTo("urn:ai-data-suite:problem:payload-too-large"))
                .body("max_texts", equalTo(64))
                .body("limit", equalTo("inference.serving.limits.max-texts"))
                .body("detail", containsString("inference.serving.limits.max-texts"));
        predict(Map.of("texts", Collections.nCopies(64, "happy")));
    }

    @Test
    void aBlankOrTooLongTextIs400NamingItsIndex() {
        for (String blank : List.of("", "   ", "\t\n")) {
            given().contentType(ContentType.JSON).body(Map.of("texts", List.of("fine", blank)))
                    .when().post("/api/v1/predict")
                    .then().statusCode(400)
                    .body("detail", containsString("texts[1]"))
                    .body("index", equalTo(1))
                    .body("errors[0].field", equalTo("texts[1]"));
        }
        given().contentType(ContentType.JSON).body("{\"texts\": [\"fine\", null]}")
                .when().post("/api/v1/predict")
                .then().statusCode(400).body("detail", containsString("texts[1]"));
        given().contentType(ContentType.JSON).body(Map.of("texts", List.of("a", "b", "x".repeat(5001))))
                .when().post("/api/v1/predict")
                .then().statusCode(400)
                .body("detail", containsString("texts[2]"))
                .body("detail", containsString("5000"))
                .body("limit", equalTo("inference.serving.limits.max-chars"));
        // The limit counts characters, not UTF-16 units or bytes: 5000 emoji pass.
        predict(Map.of("texts", List.of("\uD83D\uDE00".repeat(5000))));
    }

    @Test
    void aBodyThatIsNotUtf8Is400() {
        byte[] prefix = "{\"texts\": [\"caf".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"]}".getBytes(StandardCharsets.UTF_8);
        // 0xE9 is Latin-1 for é: a lone byte that UTF-8 does not allow there.
        byte[] body = new byte[prefix.length + 1 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xE9;
        System.arraycopy(suffix, 0, body, prefix.length + 1, suffix.length);
        given().contentType("application/json").body(body)
                .when().post("/api/v1/predict")
                .then().statusCode(400)
                .body("detail", containsString("UTF-8 encoded JSON"))
                .body("offset", equalTo(prefix.length));
        // The same text correctly encoded is served.
        predict(Map.of("texts", List.of("caf\u00e9")));
    }

    @Test
    void topKOutsideZeroToTheLabelCountIs400() {
        for (int topK : new int[] {-1, 4}) {
            given().contentType(ContentType.JSON).body(Map.of("texts", List.of("sad"), "top_k", topK))
                    .when().post("/api/v1/predict")
                    .then().statusCode(400)
                    .body("detail", containsString("top_k"))
                    .body("errors[0].field", equalTo("top_k"));
        }
        given().contentType(ContentType.JSON).body("{\"texts\": [\"sad\"], \"top_k\": \"all\"}")
                .when().post("/api/v1/predict")
                .then().statusCode(400);
        assertEquals(4, predict(Map.of("texts", List.of("sad"), "model", TinyModelsResource.TINY_BERT, "top_k", 4))
                .getList("predictions[0].ranked").size());
    }

    @Test
    void unknownModelIs404AndUnloadedModelIs409() {
        given().contentType(ContentType.JSON).body(Map.of("texts", List.of("sad"), "model", "nope"))
                .when().post("/api/v1/predict")
                .then().statusCode(404)
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"));
        given().contentType(ContentType.JSON).body(Map.of("texts", List.of("sad"), "model", TinyModelsResource.IDLE))
                .when().post("/api/v1/predict")
                .then().statusCode(409)
                .body("type", equalTo("urn:ai-data-suite:problem:conflict"))
                .body("detail", containsString("POST /api/v1/classifiers/" + TinyModelsResource.IDLE + "/load"));
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        given().contentType(ContentType.TEXT).body("sad")
                .when().post("/api/v1/predict")
                .then().statusCode(415)
                .body("type", equalTo("urn:ai-data-suite:problem:unsupported-media-type"));
    }

    /** Every serving operation is documented with an example on each response and on the request body. */
    @Test
    void servingEndpointsHaveExamplesOnEveryResponse() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        List<String[]> operations = List.of(new String[] {"/api/v1/classifiers", "get"},
                new String[] {"/api/v1/classifiers/{id}", "get"}, new String[] {"/api/v1/classifiers/{id}/load", "post"},
                new String[] {"/api/v1/classifiers/{id}/unload", "post"},
                new String[] {"/api/v1/classifiers/{id}/retrain", "post"}, new String[] {"/api/v1/predict", "post"});
        for (String[] op : operations) {
            Map<String, Object> operation = doc.getMap("paths.'" + op[0] + "'." + op[1]);
            assertTrue(operation != null, op[0] + " " + op[1] + " is documented");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            // Every operation but the plain list can fail in a documented way.
            assertTrue(responses.size() >= (op[0].equals("/api/v1/classifiers") ? 1 : 2), op[0] + " documents its errors");
            for (var response : responses.entrySet()) {
                assertTrue(String.valueOf(response.getValue().get("content")).contains("examples"),
                        op[0] + " " + op[1] + " " + response.getKey() + " has an example");
            }
        }
        assertTrue(String.valueOf(doc.getMap("paths.'/api/v1/predict'.post.requestBody")).contains("top_k"));
    }
}
