package ai.datasuite.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * The suite as its users meet it: every service behind chat-gateway, people with API keys. The README's session
 * (a user key made with the admin key, a file uploaded, listed and downloaded, a retrieval model fitted and queried
 * through the seed's paths, a prediction, a comment) and the isolation between two users on every route; the
 * services themselves refuse any call without the gateway's signed identity.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewaySystemTest {

    static final String ADMIN_KEY = "ads_admin_" + UUID.randomUUID().toString().replace("-", "");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ALICE = "alice-" + RUN;
    static final String BOB = "bob-" + RUN;
    static final String ANNA = "anna-" + RUN;

    static RunningSuite suite;
    static String gateway;
    static String inference;
    static String retrieval;
    static String aliceKey;
    static String bobKey;
    static String bobKeyId;
    static String annaKey;
    static String aliceFile;

    @BeforeAll
    static void start() throws Exception {
        suite = new RunningSuite();
        RunningSuite.Front front = suite.startFront(ADMIN_KEY, 16, List.of());
        inference = front.inference();
        retrieval = front.retrieval();
        gateway = front.gateway();
    }

    @AfterAll
    static void stop() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    static RequestSpecification as(String key) {
        return given().baseUri(gateway).header("X-Api-Key", key);
    }

    @Test
    @Order(1)
    void theAdminMakesKeysThatAreShownOnce() {
        aliceKey = makeKey(ALICE, "user").path("key");
        Response bob = makeKey(BOB, "user");
        bobKey = bob.path("key");
        bobKeyId = bob.path("id");
        annaKey = makeKey(ANNA, "annotator").path("key");

        as(ADMIN_KEY).queryParam("size", 200).get("/api/v1/keys").then().statusCode(200)
                .body("items.user_id", hasItem(ALICE))
                .body("items", everyItem(not(hasKey("key"))))
                .body("items", everyItem(not(hasKey("key_hash"))));
        as(aliceKey).get("/api/v1/keys").then().statusCode(403)
                .contentType("application/problem+json");
        as(aliceKey).contentType(ContentType.JSON).body(Map.of("user_id", ALICE, "role", "admin"))
                .post("/api/v1/keys").then().statusCode(403);
        given().baseUri(gateway).header("X-Api-Key", "ads_nonsense").get("/api/v1/files").then().statusCode(401)
                .contentType("application/problem+json");
        TestIdentity.anonymous().baseUri(gateway).get("/api/v1/files").then().statusCode(401)
                .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"));
    }

    @Test
    @Order(2)
    void aUsersFilesAreTheirsAlone() {
        byte[] content = ("Notice for " + ALICE + ": the board meets on Tuesday.\n").getBytes(StandardCharsets.UTF_8);
        aliceFile = as(aliceKey).multiPart("file", "notice.txt", content, "text/plain")
                .multiPart("metadata", "{\"data_type\":\"document\"}")
                .post("/api/v1/files").then().statusCode(201)
                .body("owner_id", equalTo(ALICE)).extract().path("id");
        as(aliceKey).get("/api/v1/files").then().statusCode(200).body("items.id", hasItem(aliceFile));
        byte[] back = as(aliceKey).get("/api/v1/files/{id}/content", aliceFile).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(content, back);
        as(aliceKey).get("/api/v1/files/{id}/text", aliceFile).then().statusCode(200)
                .body(containsString("board meets"));

        as(bobKey).get("/api/v1/files").then().statusCode(200).body("items.id", not(hasItem(aliceFile)));
        as(bobKey).get("/api/v1/files/{id}", aliceFile).then().statusCode(404);
        as(bobKey).get("/api/v1/files/{id}/content", aliceFile).then().statusCode(404);
        as(bobKey).delete("/api/v1/files/{id}", aliceFile).then().statusCode(404);
        as(bobKey).multiPart("file", "x.txt", "mine".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("metadata", "{\"user_id\":\"" + ALICE + "\",\"data_type\":\"document\"}")
                .post("/api/v1/files").then().statusCode(403).contentType("application/problem+json");
        as(ADMIN_KEY).queryParam("user_id", ALICE).get("/api/v1/files").then().statusCode(200)
                .body("items.id", hasItem(aliceFile));
    }

    @Test
    @Order(3)
    void retrievalThroughTheSeedsPaths() {
        String csv = "question,context,answer\n"
                + "Who painted the bicycle shed?,The bicycle shed was painted green by the caretaker in May.,the caretaker\n"
                + "When does the library open?,The library opens at nine every weekday morning.,at nine\n"
                + "What does the choir sing?,The choir sings old sea shanties on Fridays.,old sea shanties\n";
        String dataset = as(aliceKey).multiPart("file", "qa.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("name", "qa-" + RUN)
                .post("/api/v1/datasets").then().statusCode(201)
                .body("owner", equalTo(ALICE)).extract().path("id");
        String model = "gw-" + RUN;
        as(aliceKey).contentType(ContentType.JSON)
                .body(Map.of("dataset_id", dataset, "model_type", "tf-idf", "model_id", model))
                .post("/api/v1/models/fit_save").then().statusCode(200).body("model_id", equalTo(model));
        as(aliceKey).contentType(ContentType.JSON)
                .body(Map.of("model_id", model, "question", "When does the library open?", "top_k", 2))
                .post("/api/v1/models/find_context").then().statusCode(200)
                .body("results[0].context", containsString("library opens"));
        as(aliceKey).get("/api/v1/models/list_model").then().statusCode(200).body("model_id", hasItem(model));
        as(aliceKey).post("/api/v1/models/list_model").then().statusCode(200).body("model_id", hasItem(model));

        as(bobKey).get("/api/v1/datasets/{id}", dataset).then().statusCode(404);
        as(bobKey).get("/api/v1/models/get_datasets").then().statusCode(200).body("id", not(hasItem(dataset)));
        as(bobKey).delete("/api/v1/models/remove_all").then().statusCode(403);
        as(aliceKey).delete("/api/v1/models/remove/{id}", model).then().statusCode(200);
    }

    @Test
    @Order(4)
    void documentsAreSearchedPerOwner() {
        // Documents are indexed through the gateway's upload (retrieval's raw chunk index is not public).
        String indexed = as(aliceKey).multiPart("file", "board.txt",
                        "The board meets on Tuesday in the old town hall.".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("metadata", "{\"data_type\":\"text\"}", "application/json")
                .post("/api/upload").then().statusCode(201).extract().path("file_id");
        as(aliceKey).contentType(ContentType.JSON).body(Map.of("query", "When does the board meet?"))
                .post("/api/v1/documents/search").then().statusCode(200)
                .body("results.source_file_id", hasItem(indexed));
        as(bobKey).contentType(ContentType.JSON).body(Map.of("query", "When does the board meet?"))
                .post("/api/v1/documents/search").then().statusCode(200)
                .body("results.source_file_id", not(hasItem(indexed)));
        as(aliceKey).contentType(ContentType.JSON).body(Map.of("source_file_id", indexed, "chunks",
                        List.of(Map.of("text", "raw chunks", "position", 0))))
                .post("/api/v1/documents").then().statusCode(405);
        as(bobKey).contentType(ContentType.JSON).body(Map.of("owner", ALICE, "query", "board"))
                .post("/api/v1/documents/search").then().statusCode(403);
    }

    @Test
    @Order(5)
    void predictionsAndCommentsKeepTheirAuthor() {
        as(aliceKey).contentType(ContentType.JSON).body(Map.of("texts", List.of("I love this board!")))
                .post("/api/v1/predict").then().statusCode(200);
        long num = as(aliceKey).contentType(ContentType.JSON).body(Map.of("comment", "Great notice board"))
                .queryParam("predict", "now")
                .post("/api/v1/comments").then().statusCode(201)
                .body("request_user", equalTo(ALICE)).extract().jsonPath().getLong("num");
        as(aliceKey).get("/api/v1/comments/{num}", num).then().statusCode(200);
        as(bobKey).get("/api/v1/comments/{num}", num).then().statusCode(404);
        as(bobKey).contentType(ContentType.JSON).body(Map.of("username", ALICE, "comment", "not me"))
                .post("/api/v1/comments").then().statusCode(403);
        as(bobKey).contentType(ContentType.JSON).body(Map.of("true_label", "joy"))
                .put("/api/v1/comments/{num}/label", num).then().statusCode(403);
        as(annaKey).contentType(ContentType.JSON).body(Map.of("true_label", "joy", "feedback", "right"))
                .put("/api/v1/comments/{num}/label", num).then().statusCode(200)
                .body("labelled_by", equalTo(ANNA));
        as(aliceKey).post("/api/v1/classifiers/emotion/unload").then().statusCode(403);
    }

    @Test
    @Order(6)
    void aRevokedKeyIsRefusedAtOnce() {
        as(bobKey).get("/api/v1/files").then().statusCode(200);
        as(ADMIN_KEY).delete("/api/v1/keys/{id}", bobKeyId).then().statusCode(204);
        as(bobKey).get("/api/v1/files").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(7)
    void theServicesRefuseCallsWithoutTheGatewaysIdentity() {
        Map<String, String> endpoints = Map.of(
                suite.ingest(), "/api/v1/files",
                suite.metadata(), "/api/v1/tasks",
                inference, "/api/v1/comments",
                retrieval, "/api/v1/models/list_model");
        endpoints.forEach((base, path) -> {
            TestIdentity.anonymous().get(base + path).then().statusCode(401)
                    .contentType("application/problem+json");
            given().header("Authorization", "Bearer " + TestIdentity.forgedToken(ALICE, "admin"))
                    .get(base + path).then().statusCode(401);
            given().header("Authorization", "Bearer " + TestIdentity.expiredToken(ALICE, "admin"))
                    .get(base + path).then().statusCode(401);
            // An API key means nothing to a service: keys are the gateway's.
            given().header("X-Api-Key", ADMIN_KEY).header("Authorization", "Bearer " + ADMIN_KEY)
                    .get(base + path).then().statusCode(401);
            TestIdentity.anonymous().get(base + "/q/health/ready").then().statusCode(200);
        });
    }

    @Test
    @Order(8)
    void theGatewayNamesEachUpstreamAndDocumentsThePublicApi() {
        String health = TestIdentity.anonymous().get(gateway + "/q/health/ready").then().statusCode(200)
                .extract().asString();
        for (String service : List.of("ingest-service", "metadata-service", "inference-service", "retrieval-service")) {
            assertEquals(true, health.contains(service), service + " in " + health);
        }
        TestIdentity.anonymous().queryParam("format", "json").get(gateway + "/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/files"))
                .body("paths", hasKey("/api/v1/models/fit_save"))
                .body("paths", hasKey("/api/v1/keys"))
                .body("paths", hasKey("/api/v1/predict"))
                .body("paths", not(hasKey("/api/v1/files/references")))
                .body("components.securitySchemes", notNullValue());
    }

    private static Response makeKey(String user, String role) {
        return as(ADMIN_KEY).contentType(ContentType.JSON).body(Map.of("user_id", user, "role", role))
                .post("/api/v1/keys").then().statusCode(201)
                .body("user_id", equalTo(user)).body("role", equalTo(role)).body("key", notNullValue())
                .extract().response();
    }
}
