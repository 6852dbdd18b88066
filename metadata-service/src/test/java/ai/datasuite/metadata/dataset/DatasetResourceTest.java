package ai.datasuite.metadata.dataset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import ai.datasuite.metadata.TestData;
import ai.datasuite.testsupport.identity.DefaultTestIdentity;

@QuarkusTest
class DatasetResourceTest {

    private static final String PROBLEM = "application/problem+json";

    /** A stored file of a fresh owner, and a valid dataset body pointing at it. */
    private static Map<String, Object> newDataset(String owner) {
        String fileId = TestData.store(TestData.newFile(owner, "qa.csv"));
        Map<String, Object> body = new HashMap<>();
        body.put("name", "SQuAD part 1");
        body.put("file_id", fileId);
        body.put("rows", 2880);
        body.put("distinct_contexts", 494);
        body.put("columns", List.of("context", "question", "answer", "id"));
        body.put("owner", owner);
        return body;
    }

    @Test
    void createGetListAndDelete() {
        String owner = TestData.prefix();
        Map<String, Object> body = newDataset(owner);
        io.restassured.response.Response created = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/datasets");
        created.then().statusCode(201)
                .body("id", notNullValue())
                .body("name", equalTo("SQuAD part 1"))
                .body("file_id", equalTo(body.get("file_id")))
                .body("rows", equalTo(2880))
                .body("distinct_contexts", equalTo(494))
                .body("columns", contains("context", "question", "answer", "id"))
                .body("owner", equalTo(owner))
                .body("uploaded_at", notNullValue());
        String id = created.path("id");
        UUID.fromString(id);
        created.then().header("Location", endsWith("/api/v1/datasets/" + id));

        given().when().get("/api/v1/datasets/{id}", id)
                .then().statusCode(200)
                .body("name", equalTo("SQuAD part 1"))
                .body("uploaded_at", equalTo(created.path("uploaded_at")));
        given().when().get("/api/v1/datasets?owner={owner}", owner)
                .then().statusCode(200)
                .body("id", contains(id));
        given().when().get("/api/v1/datasets?file_id={file}", body.get("file_id"))
                .then().statusCode(200)
                .body("id", contains(id));
        given().when().get("/api/v1/datasets")
                .then().statusCode(200)
                .body("id", hasItem(id));

        given().when().delete("/api/v1/datasets/{id}", id).then().statusCode(204);
        given().when().get("/api/v1/datasets/{id}", id)
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"))
                .body("detail", equalTo("No dataset " + id));
        given().when().delete("/api/v1/datasets/{id}", id).then().statusCode(404).contentType(PROBLEM);
        // The stored file is not the catalogue's to delete.
        given().when().get("/api/v1/files/{id}", body.get("file_id")).then().statusCode(200);
    }

    @Test
    void listIsNewestFirstAndOwnerIsOptional() {
        String owner = TestData.prefix();
        Map<String, Object> first = newDataset(owner);
        first.remove("owner");
        // Was stored without an owner; a dataset now always has one: the caller (here the default test admin).
        String firstId = given().contentType(ContentType.JSON).body(first).when().post("/api/v1/datasets")
                .then().statusCode(201).body("owner", equalTo(DefaultTestIdentity.ADMIN)).extract().path("id");
        Map<String, Object> second = new HashMap<>(first);
        second.put("name", "second");
        String secondId = given().contentType(ContentType.JSON).body(second).when().post("/api/v1/datasets")
                .then().statusCode(201).extract().path("id");
        given().when().get("/api/v1/datasets?file_id={file}", first.get("file_id"))
                .then().statusCode(200)
                .body("id", contains(secondId, firstId));
        given().when().get("/api/v1/datasets?owner={owner}", owner)
                .then().statusCode(200)
                .body("$", empty());
    }

    @Test
    void aCallerChosenIdMakesTheCreateIdempotent() {
        Map<String, Object> body = newDataset(TestData.prefix());
        String id = UUID.randomUUID().toString();
        body.put("id", id.toUpperCase());
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/datasets")
                .then().statusCode(201).body("id", equalTo(id));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/datasets")
                .then().statusCode(200).body("id", equalTo(id));
        body.put("name", "another name");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/datasets")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:conflict"))
                .body("existing_id", equalTo(id));
        given().when().get("/api/v1/datasets?file_id={file}", body.get("file_id"))
                .then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void theFileMustExist() {
        Map<String, Object> body = newDataset(TestData.prefix());
        body.put("file_id", UUID.randomUUID().toString());
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/datasets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("errors[0].field", equalTo("file_id"))
                .body("errors[0].message", containsString("no stored file has this id"));
    }

    @Test
    void deletingTheFileRemovesItsDatasets() {
        Map<String, Object> body = newDataset(TestData.prefix());
        String id = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/datasets")
                .then().statusCode(201).extract().path("id");
        given().when().delete("/api/v1/files/{id}", body.get("file_id")).then().statusCode(204);
        given().when().get("/api/v1/datasets/{id}", id).then().statusCode(404);
    }

    @Test
    void namesAreCountedInCharacters() {
        Map<String, Object> body = newDataset(TestData.prefix());
        String emoji = "\uD83D\uDE00".repeat(200);
        body.put("name", emoji);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/datasets")
                .then().statusCode(201).body("name", equalTo(emoji));
        body.put("name", "n".repeat(200));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/datasets")
                .then().statusCode(201).body("name", equalTo("n".repeat(200)));
    }

    @Test
    void invalidBodiesAre400ProblemsNamingTheField() {
        Map<String, Object> valid = newDataset(TestData.prefix());
        assertInvalid(valid, "name", "", "must not be blank");
        assertInvalid(valid, "name", null, "must not be blank");
        assertInvalid(valid, "name", "n".repeat(201), "must be at most 200 characters");
        assertInvalid(valid, "name", "two\nlines", "must not contain control characters");
        assertInvalid(valid, "file_id", "not-a-uuid", "must be a UUID");
        assertInvalid(valid, "file_id", null, "must not be blank");
        assertInvalid(valid, "id", "42", "must be a UUID");
        assertInvalid(valid, "rows", 0, "must be greater than or equal to 1");
        assertInvalid(valid, "rows", null, "must not be null");
        assertInvalid(valid, "distinct_contexts", 0, "must be greater than or equal to 1");
        assertInvalid(valid, "distinct_contexts", 2881, "must not exceed rows (2880)");
        assertInvalid(valid, "columns", List.of(), "must not be empty");
        assertInvalid(valid, "columns", null, "must not be empty");
        assertInvalid(valid, "owner", "../etc", "must be 1-128 letters, digits or . _ @ -, starting with a letter"
                + " or digit");
        given().contentType(ContentType.JSON).body("{\"name\": ").when().post("/api/v1/datasets")
                .then().statusCode(400).contentType(PROBLEM);
        given().when().get("/api/v1/datasets/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    private static void assertInvalid(Map<String, Object> valid, String field, Object value, String message) {
        Map<String, Object> body = new HashMap<>(valid);
        body.put(field, value);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/datasets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem(message));
    }
}
