package ai.datasuite.inference.rest;

import static io.restassured.RestAssured.given;
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

/** Every comment and job endpoint is documented with an example on each response. */
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
                new String[] {"/api/v1/jobs/{id}", "get"});
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
        assertNotNull(doc.getMap("paths.'/api/v1/comments/{num}/label'.put").get("security"),
                "the label endpoint declares its API key");
    }
}
