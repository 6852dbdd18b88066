package ai.datasuite.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Two inference-service instances, as two replicas would run, sharing one metadata-service: their batch jobs run at
 * the same time over the same pending comments, and every comment is predicted exactly once, by the built-in model.
 */
class CommentPipelineSystemTest {

    private static final int COMMENTS = 120;
    private static final String[] TEXTS = {"I love this, thank you so much!", "This is infuriating, fix the lift",
            "I'm scared the building will flood", "That smell in the hallway is disgusting",
            "So sad that the garden closed", "Wow, I did not expect a new playground!", "The meeting is at 6pm"};

    static RunningSuite suite;
    static String first;
    static String second;

    @BeforeAll
    static void start() throws Exception {
        suite = new RunningSuite();
        first = suite.startInference("inference-a", 8);
        second = suite.startInference("inference-b", 8);
    }

    @AfterAll
    static void stop() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void twoInstancesNeverPredictTheSameCommentTwice() throws Exception {
        Set<Long> nums = new HashSet<>();
        for (int i = 0; i < COMMENTS; i++) {
            String base = i % 2 == 0 ? first : second;
            long num = given().baseUri(base).contentType(ContentType.JSON)
                    .body(Map.of("username", "user" + (i % 5), "comment", TEXTS[i % TEXTS.length] + " #" + i))
                    .when().post("/api/v1/comments")
                    .then().statusCode(201).extract().jsonPath().getLong("num");
            nums.add(num);
        }
        assertEquals(COMMENTS, nums.size());

        // Both jobs start together and claim from the same pending rows, batch by batch.
        CompletableFuture<JsonPath> a = CompletableFuture.supplyAsync(() -> runJob(first));
        CompletableFuture<JsonPath> b = CompletableFuture.supplyAsync(() -> runJob(second));
        JsonPath jobA = a.get();
        JsonPath jobB = b.get();

        assertEquals("succeeded", jobA.getString("status"), jobA.prettify());
        assertEquals("succeeded", jobB.getString("status"), jobB.prettify());
        assertEquals(0, jobA.getInt("rejected") + jobB.getInt("rejected"), "no write was refused");
        assertEquals(0, jobA.getInt("failed") + jobB.getInt("failed"));
        assertEquals(COMMENTS, jobA.getInt("predicted") + jobB.getInt("predicted"),
                "each comment predicted once: " + jobA.getInt("predicted") + " + " + jobB.getInt("predicted"));
        assertEquals(COMMENTS, jobA.getInt("claimed") + jobB.getInt("claimed"), "each comment claimed once");

        JsonPath stats = given().baseUri(suite.metadata()).when().get("/api/v1/comments/stats")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(COMMENTS, stats.getInt("predicted"));
        assertEquals(0, stats.getInt("pending"));

        List<Map<String, Object>> rows = new ArrayList<>(given().baseUri(suite.metadata())
                .queryParam("size", 500).when().get("/api/v1/comments")
                .then().statusCode(200).extract().jsonPath().getList("items"));
        assertEquals(COMMENTS, rows.size());
        for (Map<String, Object> row : rows) {
            assertEquals("predicted", row.get("status"), row.toString());
            assertEquals("v1", row.get("model_version"), row.toString());
            assertTrue(((Number) row.get("attempts")).intValue() == 0, row.toString());
        }
        // The built-in model, not a stand-in: the clearly joyful texts are joy.
        long joyful = rows.stream().filter(r -> ((String) r.get("comments")).startsWith("I love this"))
                .filter(r -> "joy".equals(r.get("prediction_result"))).count();
        assertEquals(rows.stream().filter(r -> ((String) r.get("comments")).startsWith("I love this")).count(), joyful);
    }

    private static JsonPath runJob(String base) {
        String location = given().baseUri(base).when().post("/api/v1/jobs/predict")
                .then().statusCode(202).extract().header("Location");
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonPath job = given().when().get(location).then().statusCode(200).extract().jsonPath();
            if (!"running".equals(job.getString("status"))) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the prediction job at " + location + " did not finish in 180 s");
    }
}
