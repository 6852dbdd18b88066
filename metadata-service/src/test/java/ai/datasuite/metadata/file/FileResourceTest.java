package ai.datasuite.metadata.file;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import ai.datasuite.metadata.TestData;

@QuarkusTest
class FileResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void createReturns201WithLocationAndTheStoredRecord() {
        String owner = TestData.prefix();
        Map<String, Object> body = TestData.newFile(owner, "scan.PNG");
        body.put("tags", List.of("gaia", "images"));
        body.put("details", Map.of("width", 640, "height", 480));
        body.put("extension_mismatch", true);
        body.put("name_media_type", "image/png");
        body.put("text_key", owner + "/scan.txt");
        body.put("text_length", 99);
        body.put("text_truncated", true);

        String createdAt = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/files")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/files/" + body.get("id")))
                .body("id", equalTo(body.get("id")))
                .body("owner_id", equalTo(owner))
                .body("status", equalTo("STORED"))
                .body("tags", contains("gaia", "images"))
                .body("details.width", equalTo(640))
                .body("extension_mismatch", equalTo(true))
                .body("text_length", equalTo(99))
                .body("text_truncated", equalTo(true))
                .body("created_at", notNullValue())
                .extract().path("created_at");

        given().when().get("/api/v1/files/{id}", body.get("id"))
                .then().statusCode(200)
                .body("original_name", equalTo("scan.PNG"))
                .body("name_media_type", equalTo("image/png"))
                .body("sha256", equalTo(body.get("sha256")))
                .body("details.height", equalTo(480))
                .body("tags", contains("gaia", "images"))
                .body("text_key", equalTo(owner + "/scan.txt"))
                .body("created_at", equalTo(createdAt));
    }

    @Test
    void repeatingACreateWithTheSameIdAnswers200WithTheExistingRecord() {
        Map<String, Object> body = TestData.newFile(TestData.prefix(), "a.txt");
        String createdAt = given().contentType(ContentType.JSON).body(body).post("/api/v1/files")
                .then().statusCode(201).extract().path("created_at");

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/files")
                .then().statusCode(200)
                .header("Location", nullValue())
                .body("id", equalTo(body.get("id")))
                .body("created_at", equalTo(createdAt));
    }

    @Test
    void sameOwnerAndContentUnderAnotherIdIs409WithExistingId() {
        Map<String, Object> first = TestData.newFile(TestData.prefix(), "a.txt");
        String firstId = TestData.store(first);
        Map<String, Object> second = TestData.newFile((String) first.get("owner_id"), "copy-of-a.txt");
        // Upper-case hex is the same content.
        second.put("sha256", ((String) first.get("sha256")).toUpperCase());

        given().contentType(ContentType.JSON).body(second)
                .when().post("/api/v1/files")
                .then().statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:conflict"))
                .body("status", equalTo(409))
                .body("existing_id", equalTo(firstId));
        given().get("/api/v1/files/{id}", second.get("id")).then().statusCode(404);
    }

    @Test
    void sameContentForAnotherOwnerIsAllowed() {
        Map<String, Object> first = TestData.newFile(TestData.prefix(), "a.txt");
        TestData.store(first);
        Map<String, Object> other = TestData.newFile(TestData.prefix(), "a.txt");
        other.put("sha256", first.get("sha256"));
        TestData.store(other);
    }

    @Test
    void reusingAnIdForOtherContentIs409() {
        Map<String, Object> first = TestData.newFile(TestData.prefix(), "a.txt");
        TestData.store(first);
        Map<String, Object> clash = TestData.newFile(TestData.prefix(), "b.txt");
        clash.put("id", first.get("id"));

        given().contentType(ContentType.JSON).body(clash)
                .when().post("/api/v1/files")
                .then().statusCode(409)
                .body("existing_id", equalTo(first.get("id")));
    }

    @Test
    void malformedJsonIs400Problem() {
        given().contentType(ContentType.JSON).body("{\"id\": \"abc\", ")
                .when().post("/api/v1/files")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("title", notNullValue())
                .body("detail", containsString("Malformed JSON"));
    }

    @Test
    void wrongJsonTypeIs400NamingTheField() {
        Map<String, Object> body = TestData.newFile(TestData.prefix(), "a.txt");
        body.put("size_bytes", "big");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/files")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("size_bytes"));

        body.put("size_bytes", 1);
        body.put("details", "not an object");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/files")
                .then().statusCode(400)
                .body("detail", containsString("details"));
    }

    @Test
    void missingFieldsAre400ListingEachField() {
        given().contentType(ContentType.JSON).body("{\"id\": \"" + UUID.randomUUID() + "\"}")
                .when().post("/api/v1/files")
                .then().statusCode(400)
                .contentType(PROBLEM)
                // owner_id is optional now (the caller when left out), so it is no longer among the missing fields.
                .body("errors.field", not(hasItem("owner_id")))
                .body("errors.field", hasItem("sha256"))
                .body("errors.field", hasItem("size_bytes"))
                .body("errors.field", hasItem("bucket"))
                .body("errors.field", hasItem("object_key"))
                .body("errors.field", not(hasItem("id")));
    }

    @Test
    void emptyBodyIs400() {
        given().contentType(ContentType.JSON)
                .when().post("/api/v1/files")
                .then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void badSha256AndBadIdAre400() {
        Map<String, Object> body = TestData.newFile(TestData.prefix(), "a.txt");
        body.put("sha256", "abc123");
        body.put("id", "not-a-uuid");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/files")
                .then().statusCode(400)
                .body("errors.field", hasItem("sha256"))
                .body("errors.field", hasItem("id"))
                .body("errors", hasSize(2));
    }

    @Test
    void ownerIdsThatWouldBecomePathSegmentsAre400() {
        for (String owner : List.of("../x", ".", "..", "a/b")) {
            Map<String, Object> body = TestData.newFile(TestData.prefix(), "a.txt");
            body.put("owner_id", owner);
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/files")
                    .then().statusCode(400)
                    .body("errors.field", hasItem("owner_id"));
        }
    }

    @Test
    void negativeSizeAndBlankTagAre400() {
        Map<String, Object> body = TestData.newFile(TestData.prefix(), "a.txt");
        body.put("size_bytes", -1);
        body.put("tags", List.of("ok", " "));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/files")
                .then().statusCode(400)
                .body("errors.field", hasItem("size_bytes"))
                .body("errors.field", hasItem("tags[1]"));
    }

    @Test
    void listFiltersAndOrdersNewestFirst() {
        String owner = TestData.prefix();
        Map<String, Object> a = TestData.newFile(owner, "Alpha-Report.pdf");
        a.put("data_type", "document");
        a.put("media_type", "application/pdf");
        a.put("tags", List.of("finance", "q1"));
        String idA = TestData.store(a);
        Map<String, Object> b = TestData.newFile(owner, "beta.csv");
        b.put("data_type", "dataset");
        b.put("media_type", "text/csv");
        b.put("tags", List.of("q1"));
        b.put("task_id", owner + "-task");
        String idB = TestData.store(b);
        Map<String, Object> c = TestData.newFile(owner, "gamma.csv");
        c.put("data_type", "dataset");
        c.put("media_type", "text/csv");
        c.put("tags", List.of());
        String idC = TestData.store(c);

        given().queryParam("owner_id", owner)
                .when().get("/api/v1/files")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("items.id", contains(idC, idB, idA));
        given().queryParam("owner_id", owner).queryParam("data_type", "dataset")
                .get("/api/v1/files").then().body("items.id", contains(idC, idB));
        given().queryParam("owner_id", owner).queryParam("media_type", "application/pdf")
                .get("/api/v1/files").then().body("items.id", contains(idA));
        given().queryParam("owner_id", owner).queryParam("tag", "q1")
                .get("/api/v1/files").then().body("items.id", contains(idB, idA)).body("total", equalTo(2));
        given().queryParam("owner_id", owner).queryParam("tag", "finance")
                .get("/api/v1/files").then().body("items.id", contains(idA));
        given().queryParam("owner_id", owner).queryParam("name", "report")
                .get("/api/v1/files").then().body("items.id", contains(idA));
        given().queryParam("owner_id", owner).queryParam("task_id", owner + "-task")
                .get("/api/v1/files").then().body("items.id", contains(idB));
        given().queryParam("sha256", a.get("sha256"))
                .get("/api/v1/files").then().body("items.id", contains(idA));
        given().queryParam("owner_id", owner).queryParam("page", 1).queryParam("size", 2)
                .get("/api/v1/files").then()
                .body("items.id", contains(idA))
                .body("total", equalTo(3))
                .body("page", equalTo(1))
                .body("size", equalTo(2));
        given().queryParam("owner_id", owner).queryParam("tag", "none-such")
                .get("/api/v1/files").then().body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void pageSizeAbove200AndNegativePageAre400() {
        given().queryParam("size", 201)
                .when().get("/api/v1/files")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("size"));
        given().queryParam("size", 200).get("/api/v1/files").then().statusCode(200);
        given().queryParam("page", -1)
                .when().get("/api/v1/files")
                .then().statusCode(400)
                .body("errors.field", contains("page"));
        given().queryParam("size", "ten")
                .when().get("/api/v1/files")
                .then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void aPageWhoseOffsetOverflowsIs400() {
        given().queryParam("page", Integer.MAX_VALUE).queryParam("size", 200)
                .when().get("/api/v1/files")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("errors.field", contains("page"));
    }

    @Test
    void nameFilterTakesPercentUnderscoreAndBracketLiterally() {
        String owner = TestData.prefix();
        String special = TestData.store(TestData.newFile(owner, "Q1_100%[final]!.txt"));
        String plain = TestData.store(TestData.newFile(owner, "Q1x100xxfinalx.txt"));
        given().queryParam("owner_id", owner).queryParam("name", "q1_100%")
                .get("/api/v1/files").then().statusCode(200).body("items.id", contains(special));
        given().queryParam("owner_id", owner).queryParam("name", "[final]!")
                .get("/api/v1/files").then().statusCode(200).body("items.id", contains(special));
        given().queryParam("owner_id", owner).queryParam("name", "q1")
                .get("/api/v1/files").then().statusCode(200).body("total", equalTo(2));
        given().queryParam("owner_id", owner).queryParam("name", "x100x")
                .get("/api/v1/files").then().statusCode(200).body("items.id", contains(plain));
    }

    @Test
    void unknownIdIs404Problem() {
        given().when().get("/api/v1/files/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"))
                .body("status", equalTo(404));
        given().when().delete("/api/v1/files/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void deleteRemovesTheFile() {
        String id = TestData.store(TestData.newFile(TestData.prefix(), "a.txt"));
        given().when().delete("/api/v1/files/{id}", id).then().statusCode(204);
        given().when().get("/api/v1/files/{id}", id).then().statusCode(404);
        given().when().delete("/api/v1/files/{id}", id).then().statusCode(404);
    }

    @Test
    void referencesAnswersTheUsedObjectAndTextKeysOfTheBucket() {
        String owner = TestData.prefix();
        Map<String, Object> body = TestData.newFile(owner, "a.txt");
        body.put("text_key", owner + "/a.txt.text");
        TestData.store(body);
        String objectKey = (String) body.get("object_key");

        given().contentType(ContentType.JSON)
                .body(Map.of("bucket", "suite-files",
                        "keys", List.of(owner + "/orphan", owner + "/a.txt.text", objectKey)))
                .when().post("/api/v1/files/references")
                .then().statusCode(200)
                .body("referenced", contains(owner + "/a.txt.text", objectKey));
        given().contentType(ContentType.JSON)
                .body(Map.of("bucket", "other-bucket", "keys", List.of(objectKey)))
                .when().post("/api/v1/files/references")
                .then().statusCode(200)
                .body("referenced", empty());
    }

    @Test
    void referencesRejectsMoreThan1000KeysAndAMissingBucket() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            keys.add("k" + i);
        }
        given().contentType(ContentType.JSON).body(Map.of("bucket", "b", "keys", keys))
                .when().post("/api/v1/files/references")
                .then().statusCode(400)
                .body("errors.field", contains("keys"));
        given().contentType(ContentType.JSON).body(Map.of("keys", List.of("a")))
                .when().post("/api/v1/files/references")
                .then().statusCode(400)
                .body("errors.field", contains("bucket"));
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405Problems() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"));
        given().contentType(ContentType.JSON).body("{}")
                .when().put("/api/v1/files/{id}", UUID.randomUUID())
                .then().statusCode(405)
                .contentType(PROBLEM)
                .header("Allow", allOf(containsString("GET"), containsString("DELETE")))
                .body("status", equalTo(405));
    }

    @Test
    void wrongContentTypeIs415Problem() {
        given().contentType(ContentType.TEXT).body("hello")
                .when().post("/api/v1/files")
                .then().statusCode(415)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:unsupported-media-type"));
    }
}
