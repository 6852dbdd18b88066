package ai.datasuite.retrieval.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.datasuite.identity.Roles;
import ai.datasuite.retrieval.support.DatasetsTestProfile;
import ai.datasuite.retrieval.support.FakeDatasetsMetadata;
import ai.datasuite.retrieval.support.FakeIngest;
import ai.datasuite.testsupport.identity.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** {@code GET /api/v1/datasets} (paged list) and {@code GET /api/v1/datasets/{id}/rows} with the owner rules. */
@QuarkusTest
@TestProfile(DatasetsTestProfile.class)
class DatasetRowsTest {

    @BeforeEach
    void reset() {
        FakeIngest.reset();
        FakeDatasetsMetadata.reset();
    }

    @Test
    void rowsComeAPageAtATimeInFileOrder() {
        String id = upload("alice", "small");
        as("alice").get("/api/v1/datasets/{id}/rows", id).then().statusCode(200)
                .body("dataset_id", equalTo(id)).body("total", equalTo(10)).body("page", equalTo(0))
                .body("size", equalTo(50)).body("rows.size()", equalTo(10))
                .body("rows[0].row", equalTo(1)).body("rows[0].question", equalTo("What is the capital of France?"))
                .body("rows[0].answer", equalTo("Paris"))
                .body("rows[0].context", equalTo("Paris is the capital of France, on the Seine."))
                // A quoted field with a newline and doubled quotes comes back as it was.
                .body("rows[2].question", equalTo("Which city is \"the capital\" of Germany?"))
                .body("rows[2].context", equalTo("Berlin is the capital of Germany.\nIt is on the Spree."));
        as("alice").queryParam("page", 1).queryParam("size", 4).get("/api/v1/datasets/{id}/rows", id).then()
                .statusCode(200).body("page", equalTo(1)).body("size", equalTo(4))
                .body("rows.row", equalTo(List.of(5, 6, 7, 8))).body("total", equalTo(10));
        as("alice").queryParam("page", 2).queryParam("size", 4).get("/api/v1/datasets/{id}/rows", id).then()
                .statusCode(200).body("rows.row", equalTo(List.of(9, 10)));
        // Past the end: an empty page, even for a page number whose offset would overflow an int.
        as("alice").queryParam("page", 3).queryParam("size", 4).get("/api/v1/datasets/{id}/rows", id).then()
                .statusCode(200).body("rows.size()", equalTo(0)).body("total", equalTo(10));
        as("alice").queryParam("page", Integer.MAX_VALUE).queryParam("size", 500)
                .get("/api/v1/datasets/{id}/rows", id).then().statusCode(200).body("rows.size()", equalTo(0));
    }

    @Test
    void anUnknownIdIsNotEchoedWhole() {
        String id = "x".repeat(3000);
        String detail = as("alice").get("/api/v1/datasets/{id}/rows", id).then().statusCode(404)
                .extract().jsonPath().getString("detail");
        assertEquals("No dataset " + "x".repeat(40) + "... (dataset ids are UUIDs)", detail);
    }

    @Test
    void anotherUsersRowsAreNotFoundAndAdminsSeeThem() {
        String id = upload("alice", "alices");
        String unknown = UUID.randomUUID().toString();
        String theirs = as("bob").get("/api/v1/datasets/{id}/rows", id).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:ai-data-suite:problem:not-found"))
                .extract().path("detail");
        String nobodys = as("bob").get("/api/v1/datasets/{id}/rows", unknown).then().statusCode(404)
                .extract().path("detail");
        assertEquals(nobodys.replace(unknown, id), theirs);
        TestIdentity.as("root", Roles.ADMIN).get("/api/v1/datasets/{id}/rows", id).then().statusCode(200)
                .body("total", equalTo(10));
    }

    @Test
    void theListIsTheCallersAPageAtATime() {
        String a1 = upload("alice", "a1");
        String a2 = upload("alice", "a2");
        String b1 = upload("bob", "b1");
        as("alice").get("/api/v1/datasets").then().statusCode(200).body("total", equalTo(2))
                .body("page", equalTo(0)).body("size", equalTo(50))
                .body("datasets.id", equalTo(List.of(a2, a1))).body("datasets.owner", equalTo(List.of("alice", "alice")));
        as("alice").queryParam("size", 1).queryParam("page", 1).get("/api/v1/datasets").then().statusCode(200)
                .body("total", equalTo(2)).body("datasets.id", equalTo(List.of(a1)));
        as("bob").get("/api/v1/datasets").then().statusCode(200).body("datasets.id", equalTo(List.of(b1)));
        forbidden(as("bob").queryParam("owner", "alice").get("/api/v1/datasets").then());
        TestIdentity.as("root", Roles.ADMIN).get("/api/v1/datasets").then().statusCode(200)
                .body("total", equalTo(3)).body("datasets.id", equalTo(List.of(b1, a2, a1)));
        TestIdentity.as("root", Roles.ADMIN).queryParam("owner", "alice").get("/api/v1/datasets").then()
                .statusCode(200).body("datasets.id", equalTo(List.of(a2, a1)));
    }

    @Test
    void badPagingIsAProblemNamingItsKey() {
        String id = upload("alice", "small");
        for (String path : List.of("/api/v1/datasets/" + id + "/rows", "/api/v1/datasets")) {
            problem(as("alice").queryParam("page", -1).get(path).then(), "page");
            problem(as("alice").queryParam("size", 0).get(path).then(), "size");
            problem(as("alice").queryParam("size", 501).get(path).then(), "size")
                    .body("detail", containsString("retrieval.datasets.page.max-size")).body("max", equalTo(500));
            as("alice").queryParam("size", "ten").get(path).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    private static RequestSpecification as(String user) {
        return TestIdentity.as(user, Roles.USER);
    }

    private static String upload(String user, String name) {
        return as(user).multiPart("file", "data.csv", DatasetResourceTest.SMALL.getBytes(StandardCharsets.UTF_8),
                "text/csv").multiPart("name", name).post("/api/v1/datasets").then().statusCode(201)
                .extract().path("id");
    }

    private static ValidatableResponse problem(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:validation")).body("field", equalTo(field));
    }

    private static void forbidden(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"));
    }
}
