package ai.datasuite.metadata.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;
import ai.datasuite.testsupport.identity.TestIdentity;

/** The notice board: admins post and delete, every user reads; bad input answers 400 naming the field. */
@QuarkusTest
class NoticeResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification admin(String id) {
        return TestData.viaGateway(id, Roles.ADMIN).contentType(ContentType.JSON);
    }

    private static RequestSpecification user(String id) {
        return TestData.viaGateway(id, Roles.USER).contentType(ContentType.JSON);
    }

    private static String post(String title) {
        return admin("boss").body(Map.of("title", title, "body", "Line one\nline two"))
                .post("/api/v1/notices").then().statusCode(201).extract().path("id");
    }

    @Test
    void anAdminPostsEveryoneReadsAndAnAdminDeletes() {
        String p = TestData.prefix();
        io.restassured.response.Response created = admin("boss")
                .body(Map.of("title", p + " maintenance", "body", "Offline\non Saturday")).post("/api/v1/notices");
        created.then().statusCode(201).contentType(ContentType.JSON)
                .body("title", equalTo(p + " maintenance"))
                .body("body", equalTo("Offline\non Saturday"))
                .body("author", equalTo("boss"));
        String id = created.path("id");
        created.then().header("Location", endsWith("/api/v1/notices/" + id));

        user(p + "-reader").get("/api/v1/notices/{id}", id).then().statusCode(200)
                .body("id", equalTo(id)).body("author", equalTo("boss")).body("created_at", not(equalTo(null)));
        user(p + "-reader").get("/api/v1/notices").then().statusCode(200).body("items.id", hasItem(id));

        user(p + "-reader").delete("/api/v1/notices/{id}", id).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("admin role"));
        admin("boss").delete("/api/v1/notices/{id}", id).then().statusCode(204);
        user(p).get("/api/v1/notices/{id}", id).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("No notice " + id));
        admin("boss").delete("/api/v1/notices/{id}", id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theListIsNewestFirstInPages() {
        String p = TestData.prefix();
        String first = post(p + " 1");
        String second = post(p + " 2");
        String third = post(p + " 3");

        List<String> ids = user(p).queryParam("size", 200).get("/api/v1/notices").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(200))
                .extract().jsonPath().getList("items.id");
        List<String> ours = ids.stream().filter(List.of(first, second, third)::contains).toList();
        assertEquals(List.of(third, second, first), ours);

        int total = user(p).get("/api/v1/notices").then().statusCode(200).extract().path("total");
        user(p).queryParam("page", 1).queryParam("size", 1).get("/api/v1/notices").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("page", equalTo(1)).body("total", equalTo(total));
        user(p).queryParam("size", 0).get("/api/v1/notices").then().statusCode(400).contentType(PROBLEM);
        user(p).queryParam("size", 201).get("/api/v1/notices").then().statusCode(400).contentType(PROBLEM);
        user(p).queryParam("page", -1).get("/api/v1/notices").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aUserMayNotPost() {
        String p = TestData.prefix();
        user(p).body(Map.of("title", p, "body", "spam")).post("/api/v1/notices").then().statusCode(403)
                .contentType(PROBLEM)
                .body("detail", equalTo("Posting or deleting notices needs the admin role; your key has the role"
                        + " 'user'."));
        TestIdentity.as(p, Roles.ANNOTATOR).contentType(ContentType.JSON).body(Map.of("title", p, "body", "x"))
                .post("/api/v1/notices").then().statusCode(403);
        given().queryParam("size", 200).get("/api/v1/notices").then().statusCode(200)
                .body("items.title", not(hasItem(p)));
    }

    @Test
    void badInputNamesTheField() {
        assertInvalid(Map.of("body", "b"), "title");
        assertInvalid(Map.of("title", " ", "body", "b"), "title");
        assertInvalid(Map.of("title", "x".repeat(201), "body", "b"), "title");
        assertInvalid(Map.of("title", "a\u0007b", "body", "b"), "title");
        assertInvalid(Map.of("title", "t"), "body");
        assertInvalid(Map.of("title", "t", "body", "x".repeat(20001)), "body");
        // The limits count characters: 200 emoji are a valid title, 20000 characters a valid body.
        admin("boss").body(Map.of("title", "\uD83D\uDE00".repeat(200), "body", "x".repeat(20000)))
                .post("/api/v1/notices").then().statusCode(201);
    }

    private static void assertInvalid(Map<String, Object> body, String field) {
        admin("boss").body(body).post("/api/v1/notices").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("errors.field", hasItem(field));
    }
}
