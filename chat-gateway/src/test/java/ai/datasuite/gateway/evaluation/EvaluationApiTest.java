package ai.datasuite.gateway.evaluation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import ai.datasuite.gateway.support.FakeEvaluations;
import ai.datasuite.gateway.support.FakeOpenAi;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.InjectFakes;

/** The public /api/v1/evaluations: validation, roles, and every read passed to metadata-service unchanged. */
@QuarkusTest
@TestProfile(EvaluationProfile.class)
class EvaluationApiTest {

    @InjectFakes
    FakeServices fakes;
    @InjectFakes
    FakeOpenAi llm;

    private EvaluationFakes data;
    private String tag;

    @BeforeEach
    void plug() {
        data = EvaluationFakes.plug(fakes);
        tag = Long.toString(System.nanoTime(), 36);
        llm.reset();
        EvaluationFakes.answer(llm, "Question", "FINAL ANSWER: 1");
    }

    private String task(int level) {
        String id = "api-" + level + "-" + tag;
        data.metadata().addTask(id, level, "Question " + id + "?", "1", null, null);
        return id;
    }

    @Test
    void startAnswers202WithTheRunAndItsLocation() {
        String task = task(1);
        var response = Gateway.withKey(data.annotator()).contentType(ContentType.JSON)
                .body("{\"filter\": {\"task_ids\": [\"" + task + "\"]}}").post("/api/v1/evaluations");

        response.then().statusCode(202).body("status", equalTo("queued")).body("total", equalTo(1))
                .body("owner", equalTo("ann")).body("model", equalTo("gpt-4o-mini"))
                .body("concurrency", equalTo(2)).body("use_steps", equalTo(false));
        String id = response.path("id");
        assertEquals("/api/v1/evaluations/" + id, java.net.URI.create(response.header("Location")).getPath());
        assertEquals("completed", data.awaitEnd(id).getString("status"));
    }

    @Test
    void badRequestsAre400NamingTheFieldAndTheKey() {
        int before = data.metadata().patches.size();
        Map<String, String> cases = Map.of(
                "{\"concurrency\": 0}", "concurrency must be from 1 to 4 (gateway.evaluations.max-concurrency)",
                "{\"concurrency\": 5}", "concurrency must be from 1 to 4 (gateway.evaluations.max-concurrency)",
                "{\"prompt_template\": \"Answer: {{file}}\"}", "prompt_template must contain {{question}}",
                "{\"prompt_template\": \"{{question}}" + "x".repeat(20_000) + "\"}",
                "at most 20000 characters (gateway.evaluations.max-template-chars)",
                "{\"model\": \"" + "m".repeat(201) + "\"}", "model must be at most 200 characters");
        cases.forEach((body, detail) -> Gateway.withKey(data.annotator()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/evaluations").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("detail", containsString(detail)));
        Gateway.withKey(data.annotator()).contentType(ContentType.JSON).post("/api/v1/evaluations").then()
                .statusCode(400).body("detail", containsString("A JSON body is required"));
        assertEquals(before, data.metadata().patches.size(), "nothing was started");
    }

    @Test
    void metadatasRefusalComesBackUnchanged() {
        Gateway.withKey(data.annotator()).contentType(ContentType.JSON)
                .body("{\"filter\": {\"task_ids\": [\"no-such-task-" + tag + "\"]}}").post("/api/v1/evaluations")
                .then().statusCode(400).body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("detail", equalTo("No task matches the filter"));
        Gateway.withKey(data.annotator()).get("/api/v1/evaluations/unknown-" + tag).then().statusCode(404)
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"));
    }

    @Test
    void aUserIsRefusedEveryEndpointWith403() {
        String run = data.start("{\"filter\": {\"task_ids\": [\"" + task(1) + "\"]}}");
        data.awaitEnd(run);
        Gateway.withKey(data.user()).contentType(ContentType.JSON).body("{}").post("/api/v1/evaluations").then()
                .statusCode(403).body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("annotator or admin role; your key has the role 'user'"));
        for (String path : new String[] {"", "/" + run, "/" + run + "/results", "/compare?a=" + run + "&b=" + run,
                "/charts/accuracy?runs=" + run, "/" + run + "/charts/latency", "/compare/chart?a=" + run + "&b=" + run}) {
            Gateway.withKey(data.user()).get("/api/v1/evaluations" + path).then().statusCode(403);
        }
        Gateway.withKey(data.user()).post("/api/v1/evaluations/" + run + "/cancel").then().statusCode(403);
    }

    @Test
    void listGetResultsAndCancelPassThrough() {
        String one = task(1);
        String two = task(2);
        String run = data.start("{\"filter\": {\"task_ids\": [\"" + one + "\", \"" + two + "\"]}}");
        data.awaitEnd(run);

        Gateway.withKey(data.annotator()).get("/api/v1/evaluations?page=0&size=100").then().statusCode(200)
                .body("items.id", hasItem(run)).body("page", equalTo(0)).body("size", equalTo(100));
        JsonPath view = Gateway.withKey(data.annotator()).get("/api/v1/evaluations/" + run).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, view.getInt("total"));
        assertEquals(1.0f, view.getFloat("progress"));
        assertEquals(2, view.getList("by_level").size());
        assertEquals("none", view.getString("by_file_type[0].key"));
        Gateway.withKey(data.annotator()).get("/api/v1/evaluations/" + run + "/results?level=2&status=done")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].task_id", equalTo(two))
                .body("items[0].question", equalTo("Question " + two + "?")).body("items[0].final_answer",
                        equalTo("1"));
        Gateway.withKey(data.annotator()).get("/api/v1/evaluations/" + run + "/results?level=two").then()
                .statusCode(400).body("detail", containsString("level must be a whole number"));
        Gateway.withKey(data.annotator()).get("/api/v1/evaluations/" + run + "/results?size=501").then()
                .statusCode(400);
        // a completed run cannot be cancelled: metadata's 409 comes back
        Gateway.withKey(data.annotator()).post("/api/v1/evaluations/" + run + "/cancel").then().statusCode(409)
                .body("type", equalTo("urn:ai-data-suite:problem:conflict"));
    }

    @Test
    void compareAndChartsPassThroughAsJsonOrPng() {
        String run = data.start("{\"filter\": {\"task_ids\": [\"" + task(1) + "\"]}}");
        data.awaitEnd(run);

        Gateway.withKey(data.annotator()).get("/api/v1/evaluations/compare?a=" + run + "&b=" + run).then()
                .statusCode(200).body("a.id", equalTo(run)).body("common_tasks", equalTo(0));
        Gateway.withKey(data.annotator()).get("/api/v1/evaluations/compare?a=" + run).then().statusCode(400);
        Gateway.withKey(data.annotator()).get("/api/v1/evaluations/charts/accuracy?runs=" + run).then()
                .statusCode(200).contentType(startsWith("application/json"))
                .body("chart", equalTo("/charts/accuracy")).body("query", equalTo("runs=" + run));
        byte[] png = Gateway.withKey(data.annotator()).get("/api/v1/evaluations/" + run
                + "/charts/latency?format=png&bins=5").then().statusCode(200).contentType("image/png").extract()
                .asByteArray();
        assertArrayEquals(FakeEvaluations.PNG, png);
        byte[] accepted = Gateway.withKey(data.annotator()).accept("image/png").get("/api/v1/evaluations/compare/chart?a="
                + run + "&b=" + run).then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(FakeEvaluations.PNG, accepted);
    }

    @Test
    void everyEndpointIsInThePublicOpenApiWithAnExample() {
        JsonPath document = io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        java.util.List<String> expected = java.util.List.of("POST /api/v1/evaluations", "GET /api/v1/evaluations",
                "GET /api/v1/evaluations/{id}", "GET /api/v1/evaluations/{id}/results",
                "POST /api/v1/evaluations/{id}/cancel", "GET /api/v1/evaluations/compare",
                "GET /api/v1/evaluations/compare/chart", "GET /api/v1/evaluations/charts/accuracy",
                "GET /api/v1/evaluations/{id}/charts/latency");
        for (String operation : expected) {
            String method = operation.substring(0, operation.indexOf(' ')).toLowerCase();
            String path = operation.substring(operation.indexOf(' ') + 1);
            assertTrue(paths.containsKey(path) && paths.get(path).containsKey(method), operation + " in "
                    + paths.keySet());
            String success = method.equals("post") && path.equals("/api/v1/evaluations") ? "202" : "200";
            Map<String, Object> content = document.getMap("paths.'" + path + "'." + method + ".responses.'"
                    + success + "'.content");
            assertTrue(content.values().stream().anyMatch(media -> ((Map<?, ?>) media).containsKey("examples")),
                    operation + " has an example: " + content);
        }
        assertEquals("queued", document.getString("paths.'/api/v1/evaluations'.post.responses.'202'.content."
                + "'application/json'.examples.queued.value.status"));
        assertEquals("urn:ai-data-suite:problem:llm-not-configured", document.getString("paths.'/api/v1/evaluations'"
                + ".post.responses.'409'.content.'application/problem+json'.examples.'no LLM'.value.type"));
    }
}
