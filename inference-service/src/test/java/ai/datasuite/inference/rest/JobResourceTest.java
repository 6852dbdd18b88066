package ai.datasuite.inference.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import ai.datasuite.identity.Roles;
import ai.datasuite.inference.support.CommentsTestProfile;
import ai.datasuite.inference.support.FakeCaller;
import ai.datasuite.inference.support.FakeCommentsMetadata;
import ai.datasuite.inference.support.FakeTextClassifier;
import ai.datasuite.inference.support.Poll;
import ai.datasuite.testsupport.identity.TestIdentity;

/** POST /api/v1/jobs/predict and the job views: claiming, predicting, retrying, progress, 409. */
@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class JobResourceTest {

    private static final int BATCH = CommentsTestProfile.BATCH_SIZE;

    @BeforeEach
    void reset() {
        FakeCommentsMetadata.reset();
        FakeTextClassifier.reset();
    }

    @AfterEach
    void release() {
        FakeTextClassifier.GATE.get().countDown();
    }

    @Test
    void predictsPendingCommentsInBatchesAndRetriesABadTextAlone() {
        List<Long> nums = new ArrayList<>();
        String[] texts = {"I love it", "I hate waiting", "so scared", "sad news", "wow!", "gross", "meh",
                "bad one " + FakeTextClassifier.FAIL_MARKER, "happy again", "ok"};
        for (String text : texts) {
            nums.add(FakeCommentsMetadata.seed("u", text));
        }
        String location = given().when().post("/api/v1/jobs/predict")
                .then().statusCode(202)
                .body("kind", equalTo("predict"))
                .body("trigger", equalTo("manual"))
                .body("owner", equalTo("test-admin"))
                .body("id", notNullValue())
                .extract().header("Location");
        JsonPath job = finished(location);
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(10, job.getInt("claimed"));
        assertEquals(9, job.getInt("predicted"));
        assertEquals(1, job.getInt("failed"));
        assertEquals(0, job.getInt("rejected"));
        assertNotNull(job.getString("finished_at"));
        assertTrue(job.getString("message").contains("3 batches"), job.getString("message"));

        for (int i = 0; i < texts.length; i++) {
            Map<String, Object> row = FakeCommentsMetadata.row(nums.get(i));
            if (texts[i].contains(FakeTextClassifier.FAIL_MARKER)) {
                assertEquals("pending", row.get("status"));
                assertEquals(1, row.get("attempts"));
                // last_error is shown to the comment's author: what failed, not the exception's text.
                String lastError = (String) row.get("last_error");
                assertTrue(lastError.contains("failed to predict"), lastError);
                assertFalse(lastError.contains("refuses texts") || lastError.contains("Exception"), lastError);
            } else {
                assertEquals("predicted", row.get("status"), texts[i]);
                assertEquals(FakeTextClassifier.labelOf(texts[i]), row.get("prediction_result"));
                assertEquals(FakeTextClassifier.scoreOf(texts[i]), (Double) row.get("prediction_score"), 1e-9);
                assertEquals("fake-1", row.get("model_version"));
            }
        }
        // Batches of 4: the second batch failed as a whole and was retried text by text.
        List<Integer> sizes = FakeTextClassifier.BATCHES.stream().map(List::size).toList();
        assertEquals(List.of(4, 4, 1, 1, 1, 1, 2), sizes);
        assertTrue(FakeTextClassifier.MODEL_IDS.stream().allMatch("emotion-test"::equals));
        var claims = FakeCommentsMetadata.requests("POST", "/api/v1/comments/claims");
        assertEquals(4, claims.size(), "three batches, then an empty claim ends the run");
        assertEquals(Map.of("worker", claims.get(0).body().get("worker"), "limit", BATCH, "lease_seconds", 60,
                "max_attempts", CommentsTestProfile.MAX_ATTEMPTS), claims.get(0).body());
        for (long num : nums) {
            assertTrue(FakeCommentsMetadata.writes().getOrDefault(num, 0) <= 1);
        }
    }

    @Test
    void aFailingTextIsRetriedByLaterRunsUntilItsAttemptsAreUsedUp() {
        long bad = FakeCommentsMetadata.seed("u", "broken " + FakeTextClassifier.FAIL_MARKER);
        JsonPath first = finished(start());
        assertEquals(1, first.getInt("failed"));
        assertEquals("pending", FakeCommentsMetadata.row(bad).get("status"));

        JsonPath second = finished(start());
        assertEquals(1, second.getInt("claimed"));
        assertEquals(1, second.getInt("failed"));
        assertEquals("failed", FakeCommentsMetadata.row(bad).get("status"));
        assertEquals(CommentsTestProfile.MAX_ATTEMPTS, FakeCommentsMetadata.row(bad).get("attempts"));

        JsonPath third = finished(start());
        assertEquals(0, third.getInt("claimed"), "a failed comment is no longer claimed");
    }

    @Test
    void progressIsVisibleWhileRunningAndASecondRunIs409() {
        for (int i = 0; i < 2 * BATCH; i++) {
            FakeCommentsMetadata.seed("u", "text " + i);
        }
        FakeTextClassifier.GATE.set(new CountDownLatch(1));
        FakeTextClassifier.HOLD_AFTER_CALLS.set(1);
        String location = start();
        String id = location.substring(location.lastIndexOf('/') + 1);

        JsonPath running = Poll.until(() -> view(location),
                v -> v.getInt("claimed") == 2 * BATCH && v.getInt("predicted") == BATCH, Duration.ofSeconds(20));
        assertEquals("running", running.getString("status"));
        assertNull(running.get("finished_at"));

        given().when().post("/api/v1/jobs/predict")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:job-running"))
                .body("running_job_id", equalTo(id))
                .body("detail", containsString(id));

        FakeTextClassifier.GATE.get().countDown();
        JsonPath done = finished(location);
        assertEquals("succeeded", done.getString("status"));
        assertEquals(2 * BATCH, done.getInt("predicted"));

        given().when().get("/api/v1/jobs")
                .then().statusCode(200)
                .body("[0].id", equalTo(id))
                .body("[0].status", equalTo("succeeded"));
    }

    @Test
    void anUnloadedModelFailsTheRunWithoutCountingAgainstTheComments() {
        long num = FakeCommentsMetadata.seed("u", "I love it");
        FakeTextClassifier.UNLOADED.set(true);
        JsonPath job = finished(start());
        assertEquals("failed", job.getString("status"));
        assertTrue(job.getString("message").contains("not loaded"), job.getString("message"));
        assertEquals(0, FakeCommentsMetadata.row(num).get("attempts"));
        assertTrue(FakeCommentsMetadata.requests("POST", "/api/v1/comments/results").isEmpty());
    }

    @Test
    void resultsForALeaseTakenOverMeanwhileAreCountedAsRejected() {
        for (int i = 0; i < BATCH; i++) {
            FakeCommentsMetadata.seed("u", "slow " + i);
        }
        // While the batch is being classified, its lease runs out and another worker claims the rows.
        FakeTextClassifier.DURING.set(() -> {
            FakeCommentsMetadata.advanceClock(Duration.ofSeconds(61));
            FakeCommentsMetadata.claimAs("other-instance", 100, 60);
        });
        JsonPath job = finished(start());
        assertEquals("succeeded", job.getString("status"));
        assertEquals(BATCH, job.getInt("claimed"));
        assertEquals(0, job.getInt("predicted"));
        assertEquals(BATCH, job.getInt("rejected"));
        assertTrue(FakeCommentsMetadata.writes().isEmpty());
    }

    @Test
    void metadataDownFailsTheRunWithTheReason() {
        FakeCommentsMetadata.DOWN.set(true);
        JsonPath job = finished(start());
        assertEquals("failed", job.getString("status"));
        assertTrue(job.getString("message").contains("metadata-service"), job.getString("message"));
        assertEquals(1, FakeCommentsMetadata.requests("POST", "/api/v1/comments/claims").size(),
                "a claim that reached metadata-service is not repeated");
    }

    @Test
    void aJobBelongsToWhoeverStartedItAndTalksToMetadataAsTheService() {
        for (int i = 0; i < 2 * BATCH; i++) {
            FakeCommentsMetadata.seed("u", "text " + i);
        }
        FakeTextClassifier.GATE.set(new CountDownLatch(1));
        FakeTextClassifier.HOLD_AFTER_CALLS.set(1);
        String location = TestIdentity.as("alice", Roles.USER).when().post("/api/v1/jobs/predict")
                .then().statusCode(202).body("owner", equalTo("alice")).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        TestIdentity.as("alice", Roles.USER).get(location).then().statusCode(200).body("owner", equalTo("alice"));
        TestIdentity.as("alice", Roles.USER).get("/api/v1/jobs").then().statusCode(200).body("id", hasItem(id));
        given().get("/api/v1/jobs").then().statusCode(200).body("id", hasItem(id));
        // Another user: the job is as unknown as a missing one, absent from the list, and not named by the 409.
        TestIdentity.as("bob", Roles.USER).get(location).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("job '" + id + "' is unknown on this instance"));
        TestIdentity.as("bob", Roles.USER).get("/api/v1/jobs").then().statusCode(200).body("id", not(hasItem(id)));
        TestIdentity.as("bob", Roles.USER).when().post("/api/v1/jobs/predict")
                .then().statusCode(409)
                .body("type", equalTo("urn:ai-data-suite:problem:job-running"))
                .body("running_job_id", nullValue())
                .body("detail", not(containsString(id)));

        FakeTextClassifier.GATE.get().countDown();
        assertEquals("succeeded", finished(location).getString("status"));
        // Started by alice, but claims and results are the service's own work, not hers.
        var background = new ArrayList<>(FakeCommentsMetadata.requests("POST", "/api/v1/comments/claims"));
        background.addAll(FakeCommentsMetadata.requests("POST", "/api/v1/comments/results"));
        assertTrue(background.size() >= 3, background.toString());
        for (var request : background) {
            assertEquals(new FakeCaller("inference-service", Roles.SERVICE, "inference-service"), request.caller(),
                    request.path());
        }
    }

    @Test
    void unknownJobIs404() {
        given().when().get("/api/v1/jobs/nope")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("nope"));
    }

    private static String start() {
        return given().when().post("/api/v1/jobs/predict").then().statusCode(202).extract().header("Location");
    }

    private static JsonPath view(String location) {
        return given().when().get(location).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath finished(String location) {
        return Poll.until(() -> view(location), v -> !"running".equals(v.getString("status")), Duration.ofSeconds(20));
    }
}
