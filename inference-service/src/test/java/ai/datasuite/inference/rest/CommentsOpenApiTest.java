package ai.datasuite.inference.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import ai.datasuite.inference.support.CommentsTestProfile;

/**
 * Every comment and job endpoint is documented with an example on each response; every operation of the service
 * names the identity token and its 401.
 */
@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class CommentsOpenApiTest {

    @Test
    void everyOperationHasExamplesOnEveryDocumentedResponse() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        List<String[]> operations = List.of(
                new String[] {"/api/v1/comments", "post"}, new String[] {"/api/v1/comments", "get"},
                new String[] {"/api/v1/comments/{num}", "get"}, new String[] {"/api/v1/comments/{num}/label", "put"},
                new String[] {"/api/v1/comments/stats", "get"}, new String[] {"/api/v1/comments/stats/chart", "get"},
                new String[] {"/api/v1/jobs/predict", "post"}, new String[] {"/api/v1/jobs", "get"},
                new String[] {"/api/v1/jobs/{id}", "get"}, new String[] {"/api/v1/classify/zero-shot", "post"},
                new String[] {"/api/v1/classify/few-shot", "post"});
        for (String[] op : operations) {
            Map<String, Object> operation = doc.getMap("paths.'" + op[0] + "'." + op[1]);
            assertNotNull(operation, op[0] + " " + op[1] + " is documented");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertFalse(responses.isEmpty());
            for (var response : responses.entrySet()) {
                String json = String.valueOf(response.getValue().get("content"));
                assertTrue(json.contains("examples"), op[0] + " " + op[1] + " " + response.getKey() + " has an example");
            }
        }
        assertTrue(doc.getMap("paths.'/api/v1/comments/{num}/label'.put.responses").containsKey("403"),
                "the label endpoint documents who may not label");
    }

    @Test
    void everyOperationNeedsTheIdentityTokenAndDocumentsIts401() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"),
                Map.of("type", doc.getString("components.securitySchemes.suiteIdentity.type"),
                        "scheme", doc.getString("components.securitySchemes.suiteIdentity.scheme"),
                        "bearerFormat", doc.getString("components.securitySchemes.suiteIdentity.bearerFormat")));
        assertEquals(List.of("suiteIdentity"), List.copyOf(doc.getMap("components.securitySchemes").keySet()),
                "no API key schemes: keys live at the gateway");
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertTrue(paths.keySet().containsAll(List.of("/api/v1/predict", "/api/v1/classifiers",
                "/api/v1/classifiers/{id}/retrain", "/api/v1/comments", "/api/v1/jobs")), paths.keySet().toString());
        assertTrue(paths.keySet().stream().noneMatch(p -> p.startsWith("/api/v1/models")), paths.keySet().toString());
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                String where = operation.getKey() + " " + path.getKey();
                assertEquals("[{suiteIdentity=[]}]", String.valueOf(operation.getValue().get("security")), where);
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) operation.getValue().get("responses");
                assertTrue(String.valueOf(responses.get("401")).contains("urn:ai-data-suite:problem:unauthorized"),
                        where + " documents its 401 with an example");
                operations++;
            }
        }
        assertEquals(17, operations, "every operation of the service was checked");
    }
}
