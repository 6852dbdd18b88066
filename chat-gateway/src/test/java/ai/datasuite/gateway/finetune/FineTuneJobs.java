package ai.datasuite.gateway.finetune;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.restassured.path.json.JsonPath;

import ai.datasuite.gateway.support.FakeFineTuneMaterial;
import ai.datasuite.gateway.support.Gateway;

/** Helpers of the fine-tune tests: material to seed and waiting for a job's end through the public API. */
final class FineTuneJobs {

    static final Set<String> ENDED = Set.of("succeeded", "failed", "exported", "cancelled");

    private FineTuneJobs() {
    }

    /** {@code count} distinct rows of one user; row i asks "<user> question i" with a context and an answer. */
    static List<FakeFineTuneMaterial.Row> rows(String user, int count) {
        List<FakeFineTuneMaterial.Row> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(new FakeFineTuneMaterial.Row(user + " context " + i + ".\nSecond line.",
                    user + " question " + i + "?", user + " answer " + i + "."));
        }
        return rows;
    }

    /** Polls GET /api/fine-tune/{id} with {@code key} until the job ends (10 s at most). */
    static JsonPath awaitEnd(String key, String jobId) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonPath job = null;
        while (System.nanoTime() < deadline) {
            job = Gateway.withKey(key).get("/api/fine-tune/" + jobId).then().statusCode(200).extract().jsonPath();
            if (ENDED.contains(job.getString("status"))) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("The fine-tune job " + jobId + " did not end; last seen " + (job == null ? null : job.prettify()));
        return job;
    }
}
