package ai.datasuite.metadata.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import ai.datasuite.metadata.TestData;

/**
 * The batch job's lease protocol over HTTP. Other tests leave pending comments behind, so claims here also lease
 * foreign rows; every assertion is about this test's own rows (plus "no num ever twice", which covers all rows).
 */
@QuarkusTest
class CommentClaimTest {

    private static final String PROBLEM = "application/problem+json";
    private static final int WORKERS = 4;
    private static final int POOL = 300;
    private static final int ROUNDS = 2;

    @Inject
    CommentRepository repository;

    @Test
    void concurrentWorkersNeverClaimTheSameCommentAndTogetherClaimThemAll() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String user = TestData.prefix();
                Set<Long> mine = new HashSet<>();
                for (int i = 0; i < POOL; i++) {
                    mine.add(CommentResourceTest.post(user, "comment " + i + " of round " + round));
                }
                Map<Long, String> claimedBy = new ConcurrentHashMap<>();
                AtomicInteger poolClaimed = new AtomicInteger();
                List<String> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> workers = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    String worker = user + "-w" + w;
                    workers.add(pool.submit(() -> {
                        start.await();
                        int claims = 0;
                        while (true) {
                            List<Map<String, Object>> claimed = claim(worker, 7, 600, 5).path("claimed");
                            if (claimed.isEmpty()) {
                                // Empty can also mean "the next rows are locked by another claimer right now":
                                // keep going until the whole pool is taken (a lost row would end in the timeout).
                                if (poolClaimed.get() >= POOL) {
                                    return claims;
                                }
                                continue;
                            }
                            claims++;
                            List<Map<String, Object>> predictions = new ArrayList<>();
                            for (Map<String, Object> row : claimed) {
                                long num = ((Number) row.get("num")).longValue();
                                String previous = claimedBy.putIfAbsent(num, worker);
                                if (previous != null) {
                                    duplicates.add(num + " by " + previous + " and " + worker);
                                }
                                if (mine.contains(num)) {
                                    poolClaimed.incrementAndGet();
                                    predictions.add(Map.of("num", num, "label", "joy", "score", 0.5,
                                            "model_version", worker));
                                }
                            }
                            // Written back at once, each by the worker holding the lease: all accepted.
                            Response written = results(worker, predictions, List.of());
                            assertEquals(predictions.size(), (int) written.path("written"), written.asString());
                            assertEquals(List.of(), written.path("rejected"), written.asString());
                        }
                    }));
                }
                start.countDown();
                int claims = 0;
                for (Future<Integer> worker : workers) {
                    claims += worker.get(120, TimeUnit.SECONDS);
                }
                assertEquals(List.of(), duplicates, "a comment was claimed twice");
                assertTrue(claimedBy.keySet().containsAll(mine), "every comment of the pool was claimed");
                assertTrue(claims >= POOL / 7, "claimed in many small batches: " + claims);

                List<Map<String, Object>> stored = given().queryParam("user", user).queryParam("size", 500)
                        .when().get("/api/v1/comments").then().statusCode(200).extract().path("items");
                assertEquals(POOL, stored.size());
                Map<String, Integer> perWorker = new java.util.TreeMap<>();
                for (Map<String, Object> row : stored) {
                    long num = ((Number) row.get("num")).longValue();
                    assertEquals("predicted", row.get("status"), row.toString());
                    assertEquals(claimedBy.get(num), row.get("model_version"), row.toString());
                    perWorker.merge((String) row.get("model_version"), 1, Integer::sum);
                }
                assertEquals(POOL, poolClaimed.get(), "each pool row counted once");
                System.out.printf("claim round %d: %d claims, pool rows per worker %s%n", round, claims,
                        perWorker.values());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheLeaseHolderMayWriteAndOnlyOnce() {
        String user = TestData.prefix();
        long num = CommentResourceTest.post(user, "whose is it?");
        String a = user + "-a";
        String b = user + "-b";
        claimUntil(a, num, 3);
        // While A holds a live lease nobody else gets the row.
        assertFalse(claimAll(b, 3).contains(num));

        Response byB = results(b, List.of(prediction(num, "anger", b)), List.of(Map.of("num", num, "error", "x")));
        byB.then().statusCode(200).body("written", equalTo(0));
        assertEquals(List.of((int) num, (int) num), byB.path("rejected"));

        results(a, List.of(prediction(num, "fear", a)), List.of()).then().statusCode(200)
                .body("written", equalTo(1)).body("rejected", equalTo(List.of()));
        // Already predicted: a repeat, or a failure report for it, is rejected.
        Response again = results(a, List.of(prediction(num, "joy", a)), List.of(Map.of("num", num, "error", "x")));
        again.then().body("written", equalTo(0));
        assertEquals(List.of((int) num, (int) num), again.path("rejected"));

        given().when().get("/api/v1/comments/{num}", num).then().statusCode(200)
                .body("status", equalTo("predicted"))
                .body("prediction_result", equalTo("fear"))
                .body("prediction_score", equalTo(0.75f))
                .body("model_version", equalTo(a))
                .body("attempts", equalTo(0));
        // Predicted rows are never claimed again.
        assertFalse(claimAll(b, 3).contains(num));
        // Unknown nums are rejected, not errors.
        results(a, List.of(prediction(Long.MAX_VALUE, "joy", a)), List.of()).then().statusCode(200)
                .body("rejected", equalTo(List.of(Long.MAX_VALUE)));
    }

    @Test
    void anExpiredLeaseCanBeClaimedAgainAndTheFormerHolderIsThenRejected() {
        String user = TestData.prefix();
        long num = CommentResourceTest.post(user, "slow worker");
        String a = user + "-a";
        String b = user + "-b";
        claimUntil(a, num, 3);
        assertFalse(claimAll(b, 3).contains(num));
        // A's lease runs out (moved into the past rather than waited for).
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1,
                repository.update("leaseUntil = ?1 where num = ?2", Instant.now().minusSeconds(1), num)));
        Map<String, Object> row = claimUntil(b, num, 3);
        assertEquals(0, ((Number) row.get("attempts")).intValue());

        results(a, List.of(prediction(num, "anger", a)), List.of()).then()
                .body("written", equalTo(0)).body("rejected", hasItem((int) num));
        results(b, List.of(prediction(num, "sadness", b)), List.of()).then()
                .body("written", equalTo(1));
        given().when().get("/api/v1/comments/{num}", num).then()
                .body("prediction_result", equalTo("sadness")).body("model_version", equalTo(b));
    }

    @Test
    void failuresCountAttemptsAndTheRowFailsAtMaxAttempts() {
        String user = TestData.prefix();
        long num = CommentResourceTest.post(user, "model keeps crashing on this one");
        String worker = user + "-w";
        String longError = "E".repeat(499) + "\uD83D\uDE00" + "tail".repeat(50);
        for (int attempt = 1; attempt <= 3; attempt++) {
            Map<String, Object> row = claimUntil(worker, num, 3);
            assertEquals(attempt - 1, ((Number) row.get("attempts")).intValue());
            results(worker, List.of(), List.of(Map.of("num", num, "error", longError))).then().statusCode(200)
                    .body("written", equalTo(0)).body("rejected", equalTo(List.of()));
            String status = given().when().get("/api/v1/comments/{num}", num).then()
                    .body("attempts", equalTo(attempt))
                    .body("prediction_result", nullValue())
                    .extract().path("status");
            assertEquals(attempt < 3 ? "pending" : "failed", status, "after attempt " + attempt);
        }
        String lastError = given().when().get("/api/v1/comments/{num}", num).then().extract().path("last_error");
        // 500 characters would cut the emoji's surrogate pair: 499 are kept.
        assertEquals("E".repeat(499), lastError);
        // Failed rows are never claimed again, not even with a higher limit.
        assertFalse(claimAll(worker, 3).contains(num));
        assertFalse(claimAll(worker, 10).contains(num));
        given().queryParam("user", user).queryParam("status", "failed").when().get("/api/v1/comments")
                .then().body("total", equalTo(1));
    }

    @Test
    void rowsAtTheirAttemptLimitAreNotClaimedAndClaimsAreOldestFirst() {
        String user = TestData.prefix();
        String worker = user + "-w";
        long first = CommentResourceTest.post(user, "first");
        long second = CommentResourceTest.post(user, "second");
        claimUntil(worker, second, 2);
        results(worker, List.of(), List.of(Map.of("num", first, "error", "boom"),
                Map.of("num", second, "error", "boom"))).then().body("rejected", equalTo(List.of()));
        // One attempt made: a claim allowing only one attempt skips both, one allowing two takes them, in order.
        assertFalse(claimAll(worker, 1).contains(first));
        List<Map<String, Object>> claimed = claim(worker, 500, 60, 2).path("claimed");
        List<Long> nums = claimed.stream().map(r -> ((Number) r.get("num")).longValue()).toList();
        assertTrue(nums.indexOf(first) >= 0 && nums.indexOf(first) < nums.indexOf(second), nums.toString());
        List<Long> sorted = new ArrayList<>(nums);
        sorted.sort(null);
        assertEquals(sorted, nums, "oldest first");
        Map<String, Object> firstRow = claimed.get(nums.indexOf(first));
        assertEquals("first", firstRow.get("comments"));
        assertEquals(1, ((Number) firstRow.get("attempts")).intValue());
    }

    @Test
    void invalidClaimsAndResultsAre400() {
        Map<String, Object> valid = Map.of("worker", "w", "limit", 10, "lease_seconds", 60, "max_attempts", 3);
        assertBadClaim(with(valid, "limit", 0), "limit");
        assertBadClaim(with(valid, "limit", 501), "limit");
        assertBadClaim(with(valid, "lease_seconds", 0), "lease_seconds");
        assertBadClaim(with(valid, "lease_seconds", 3601), "lease_seconds");
        assertBadClaim(with(valid, "max_attempts", 0), "max_attempts");
        assertBadClaim(with(valid, "max_attempts", 101), "max_attempts");
        assertBadClaim(with(valid, "worker", " "), "worker");
        assertBadClaim(with(valid, "worker", "x".repeat(101)), "worker");
        Map<String, Object> missing = new HashMap<>(valid);
        missing.remove("limit");
        assertBadClaim(missing, "limit");
        given().contentType(ContentType.JSON).body("{\"worker\": \"w\", \"limit\": \"many\", \"lease_seconds\": 60,"
                        + " \"max_attempts\": 3}")
                .when().post("/api/v1/comments/claims")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("Wrong type at 'limit': expected a number"));

        assertBadResults(Map.of("predictions", List.of()), "worker");
        assertBadResults(Map.of("worker", "w", "predictions", List.of(Map.of("num", 1, "label", "happy", "score", 0.5,
                "model_version", "v"))), "predictions[0].label");
        assertBadResults(Map.of("worker", "w", "predictions", List.of(Map.of("num", 1, "label", "joy", "score", -0.1,
                "model_version", "v"))), "predictions[0].score");
        assertBadResults(Map.of("worker", "w", "predictions", List.of(Map.of("label", "joy", "score", 0.1,
                "model_version", "v"))), "predictions[0].num");
        assertBadResults(Map.of("worker", "w", "failures", List.of(Map.of("error", "x"))), "failures[0].num");
        given().contentType(ContentType.JSON).body("{\"worker\": \"w\", \"predictions\": {\"num\": 1}}")
                .when().post("/api/v1/comments/results")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("Wrong type at 'predictions': expected an array"));
        // Nothing to report is fine.
        results("w", List.of(), List.of()).then().statusCode(200)
                .body("written", equalTo(0)).body("rejected", equalTo(List.of()));
    }

    static Response claim(String worker, int limit, int leaseSeconds, int maxAttempts) {
        Response answer = given().contentType(ContentType.JSON)
                .body(Map.of("worker", worker, "limit", limit, "lease_seconds", leaseSeconds,
                        "max_attempts", maxAttempts))
                .when().post("/api/v1/comments/claims");
        assertEquals(200, answer.statusCode(), answer.asString());
        return answer;
    }

    static Response results(String worker, List<Map<String, Object>> predictions, List<Map<String, Object>> failures) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("worker", worker, "predictions", predictions, "failures", failures))
                .when().post("/api/v1/comments/results");
    }

    /** Claims (leasing whatever else is pending too) until the row comes up; returns its claimed entry. */
    private static Map<String, Object> claimUntil(String worker, long num, int maxAttempts) {
        while (true) {
            List<Map<String, Object>> claimed = claim(worker, 500, 600, maxAttempts).path("claimed");
            if (claimed.isEmpty()) {
                fail("comment " + num + " was never claimed by " + worker);
            }
            for (Map<String, Object> row : claimed) {
                if (((Number) row.get("num")).longValue() == num) {
                    return row;
                }
            }
        }
    }

    /** Everything the worker can claim now. */
    private static Set<Long> claimAll(String worker, int maxAttempts) {
        Set<Long> all = new HashSet<>();
        while (true) {
            List<Map<String, Object>> claimed = claim(worker, 500, 600, maxAttempts).path("claimed");
            if (claimed.isEmpty()) {
                return all;
            }
            claimed.forEach(row -> all.add(((Number) row.get("num")).longValue()));
        }
    }

    private static Map<String, Object> prediction(long num, String label, String modelVersion) {
        return Map.of("num", num, "label", label, "score", 0.75, "model_version", modelVersion);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static void assertBadClaim(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/comments/claims")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("errors.field", hasItem(field));
    }

    private static void assertBadResults(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/comments/results")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("errors.field", hasItem(field));
    }
}
