package ai.datasuite.metadata;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ai.datasuite.metadata.TestData.utf8;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Requests racing for the same keys: whoever loses must get a clean answer (200, or a 409 problem to retry), never
 * a 500 from the primary or unique key. Several rounds, since a single round may not actually overlap.
 */
@QuarkusTest
class ConcurrencyTest {

    private static final int THREADS = 6;
    private static final int ROUNDS = 5;

    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void concurrentRetriesOfOneCreateGiveOne201AndOtherwise200() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Map<String, Object> body = TestData.newFile(TestData.prefix(), "same.txt");
            List<Response> answers = race(() -> given().contentType(ContentType.JSON).body(body)
                    .post("/api/v1/files"));
            assertEquals(1, count(answers, 201), statuses(answers));
            assertEquals(THREADS - 1, count(answers, 200), statuses(answers));
        }
    }

    @Test
    void concurrentCreatesOfOneContentUnderOtherIdsAre409NamingTheWinner() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String owner = TestData.prefix();
            String sha256 = TestData.sha256(owner);
            List<Response> answers = race(() -> {
                Map<String, Object> body = new HashMap<>(TestData.newFile(owner, "copy.txt"));
                body.put("sha256", sha256);
                return given().contentType(ContentType.JSON).body(body).post("/api/v1/files");
            });
            assertEquals(1, count(answers, 201), statuses(answers));
            String winner = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow()
                    .path("id");
            for (Response answer : answers) {
                if (answer.statusCode() != 201) {
                    assertEquals(409, answer.statusCode(), statuses(answers));
                    assertEquals(winner, answer.path("existing_id"));
                }
            }
        }
    }

    @Test
    void concurrentImportsOfTheSameNewTasksAre200Or409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String p = TestData.prefix();
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                content.append("{\"task_id\": \"").append(p).append('-').append(i)
                        .append("\", \"Question\": \"q\", \"Level\": 1}\n");
            }
            byte[] body = utf8(content.toString());
            List<Response> answers = race(() -> given().contentType(TestData.JSONL).body(body)
                    .post("/api/v1/tasks/import"));
            assertTrue(count(answers, 200) >= 1, statuses(answers));
            assertEquals(THREADS, count(answers, 200) + conflicts(answers), statuses(answers));
            given().get("/api/v1/tasks/{id}", p + "-49").then().statusCode(200);
        }
    }

    @Test
    void concurrentMatchesLinkingTheSameFilesAre200Or409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String p = TestData.prefix();
            String owner = p + "-owner";
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                content.append("{\"task_id\": \"").append(p).append('-').append(i)
                        .append("\", \"Question\": \"q\", \"Level\": 1, \"file_name\": \"").append(p).append('-')
                        .append(i).append(".pdf\"}\n");
            }
            TestData.importJsonl(content.toString());
            for (int i = 0; i < 10; i++) {
                TestData.store(TestData.newFile(owner, p + "-" + i + ".pdf"));
            }
            List<Response> answers = race(() -> given().queryParam("owner_id", owner).post("/api/v1/tasks/match"));
            assertTrue(count(answers, 200) >= 1, statuses(answers));
            assertEquals(THREADS, count(answers, 200) + conflicts(answers), statuses(answers));
            Response again = given().queryParam("owner_id", owner).post("/api/v1/tasks/match");
            assertEquals(200, again.statusCode());
            assertEquals(0, (int) again.path("counts.new_links"));
            assertEquals(10, (int) again.path("counts.matched"));
        }
    }

    /** Runs the request from every thread at once and returns all answers. */
    private static List<Response> race(Callable<Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return request.call();
            }));
        }
        start.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> future : futures) {
            answers.add(future.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static long count(List<Response> answers, int status) {
        return answers.stream().filter(r -> r.statusCode() == status).count();
    }

    /** 409s that are conflict problems asking for a retry. */
    private static long conflicts(List<Response> answers) {
        return answers.stream()
                .filter(r -> r.statusCode() == 409)
                .filter(r -> r.contentType().startsWith("application/problem+json"))
                .filter(r -> "urn:ai-data-suite:problem:conflict".equals(r.path("type")))
                .count();
    }

    private static String statuses(List<Response> answers) {
        return answers.stream().map(r -> r.statusCode() + " " + r.asString()).toList().toString();
    }
}
