package ai.datasuite.retrieval.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.datasuite.identity.Roles;
import ai.datasuite.retrieval.support.DatasetsTestProfile;
import ai.datasuite.retrieval.support.FakeCallers;
import ai.datasuite.retrieval.support.FakeDatasetsMetadata;
import ai.datasuite.retrieval.support.FakeIngest;
import ai.datasuite.testsupport.identity.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * A dataset is its owner's: another user can neither read, analyse, list nor fit on it (404, as an unknown id), nor
 * upload in someone else's name (403); admins see everyone's. The hops to ingest and metadata carry the caller, signed
 * by retrieval-service; the fakes apply metadata's and ingest's owner rules, and retrieval applies them itself too.
 */
@QuarkusTest
@TestProfile(DatasetsTestProfile.class)
class DatasetIsolationTest {

    private static final String NOT_FOUND = "urn:ai-data-suite:problem:not-found";

    @BeforeEach
    void reset() {
        FakeIngest.reset();
        FakeDatasetsMetadata.reset();
    }

    private static RequestSpecification as(String user) {
        return TestIdentity.as(user, Roles.USER);
    }

    private static ValidatableResponse upload(RequestSpecification who, String csv, Map<String, String> fields) {
        RequestSpecification request = who.multiPart("file", "data.csv", csv.getBytes(StandardCharsets.UTF_8),
                "text/csv");
        for (var field : fields.entrySet()) {
            request = request.multiPart(field.getKey(), field.getValue());
        }
        return request.post("/api/v1/datasets").then();
    }

    private static String uploadAs(String user, String name) {
        return upload(as(user), DatasetResourceTest.SMALL.replace("Tokyo", name), Map.of("name", name))
                .statusCode(201).body("owner", equalTo(user)).extract().path("id");
    }

    @Test
    void anUploadIsTheCallersAndTheHopsCarryTheCaller() {
        String id = uploadAs("alice", "alices");
        FakeIngest.Stored stored = FakeIngest.FILES.values().iterator().next();
        assertEquals("alice", stored.userId());
        assertEquals("alice", FakeDatasetsMetadata.DATASETS.get(id).get("owner"));
        // Every hop was alice, signed by retrieval-service (a service hop, as metadata's create requires).
        FakeCallers.Caller alice = new FakeCallers.Caller("alice", Roles.USER, "retrieval-service");
        assertTrue(FakeIngest.REQUESTS.stream().allMatch(r -> alice.equals(r.caller())), FakeIngest.REQUESTS::toString);
        assertTrue(FakeDatasetsMetadata.REQUESTS.stream().allMatch(r -> alice.equals(r.caller())),
                FakeDatasetsMetadata.REQUESTS::toString);
        // Naming oneself is the same as naming nobody.
        upload(as("alice"), DatasetResourceTest.SMALL, Map.of("name", "again", "owner", "alice")).statusCode(201)
                .body("owner", equalTo("alice"));
    }

    @Test
    void aUserCannotUploadInAnotherUsersName() {
        upload(as("bob"), DatasetResourceTest.SMALL, Map.of("name", "n", "owner", "alice")).statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("'owner' names another user"));
        assertTrue(FakeIngest.FILES.isEmpty(), "nothing reached ingest");
        assertEquals(0, FakeDatasetsMetadata.creates(), "nothing reached the catalogue");
        // An admin may.
        upload(TestIdentity.as("root", Roles.ADMIN), DatasetResourceTest.SMALL, Map.of("name", "n", "owner", "alice"))
                .statusCode(201).body("owner", equalTo("alice"));
        assertEquals("alice", FakeIngest.FILES.values().iterator().next().userId());
    }

    @Test
    void anotherUsersDatasetIsNotFoundAndNotListed() {
        String alices = uploadAs("alice", "alices");
        String bobs = uploadAs("bob", "bobs");
        // alice has it analysed (cached in this instance): bob still gets nothing of it.
        as("alice").get("/api/v1/datasets/{id}/eda", alices).then().statusCode(200);
        assertBobCannotSee(alices);

        as("bob").get("/api/v1/models/get_datasets").then().statusCode(200).body("id", equalTo(List.of(bobs)));
        as("bob").queryParam("owner", "bob").get("/api/v1/models/get_datasets").then().statusCode(200)
                .body("id", equalTo(List.of(bobs)));
        as("bob").queryParam("owner", "alice").get("/api/v1/models/get_datasets").then().statusCode(403)
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"));
        // Admins see everyone's, or one user's.
        TestIdentity.as("root", Roles.ADMIN).get("/api/v1/models/get_datasets").then().statusCode(200)
                .body("id", equalTo(List.of(bobs, alices))).body("owner", equalTo(List.of("bob", "alice")));
        TestIdentity.as("root", Roles.ADMIN).queryParam("owner", "alice").get("/api/v1/models/get_datasets").then()
                .statusCode(200).body("id", equalTo(List.of(alices)));
        TestIdentity.as("root", Roles.ADMIN).get("/api/v1/datasets/{id}", alices).then().statusCode(200)
                .body("owner", equalTo("alice"));
        TestIdentity.as("root", Roles.ADMIN).get("/api/v1/datasets/{id}/eda/tsne.png", alices).then()
                .statusCode(200);
    }

    @Test
    void retrievalAppliesTheOwnerRulesItselfToo() {
        String alices = uploadAs("alice", "alices");
        // A catalogue that answered every caller everything: retrieval still shows bob nothing of alice's.
        FakeDatasetsMetadata.OWNER_RULES.set(false);
        assertBobCannotSee(alices);
        as("bob").get("/api/v1/models/get_datasets").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void modelsAreSharedButFitOnlyOnYourOwnData() {
        String alices = uploadAs("alice", "alices");
        fit(as("bob"), Map.of("dataset_id", alices, "model_type", "tfidf")).statusCode(404)
                .body("type", equalTo(NOT_FOUND));
        String model = fit(as("alice"), Map.of("dataset_id", alices, "model_type", "tfidf")).statusCode(200)
                .body("owner", equalTo("alice")).body("contexts", equalTo(6)).extract().path("model_id");
        try {
            // bob may test alice's model on its own dataset: retrieval reads that dataset as itself, for figures.
            FakeDatasetsMetadata.REQUESTS.clear();
            as("bob").contentType(ContentType.JSON).body(Map.of("model_id", model)).post("/api/v1/models/quality_test")
                    .then().statusCode(200).body("n", equalTo(10)).body("dataset_id", equalTo(alices));
            assertTrue(FakeDatasetsMetadata.REQUESTS.stream().anyMatch(r -> r.path().endsWith(alices)
                    && Roles.SERVICE.equals(r.caller().role()) && "retrieval-service".equals(r.caller().user())),
                    FakeDatasetsMetadata.REQUESTS::toString);
            as("bob").contentType(ContentType.JSON).body(Map.of("model_id", model, "n", 5))
                    .post("/api/v1/models/benchmark").then().statusCode(200);
            // ... but naming alice's dataset himself is a 404, as anywhere else.
            String bobs = uploadAs("bob", "bobs");
            as("bob").contentType(ContentType.JSON).body(Map.of("model_id", model, "dataset_id", alices))
                    .post("/api/v1/models/quality_test").then().statusCode(404).body("type", equalTo(NOT_FOUND));
            as("bob").contentType(ContentType.JSON).body(Map.of("model_id", model, "dataset_id", bobs))
                    .post("/api/v1/models/quality_test").then().statusCode(200).body("dataset_id", equalTo(bobs));
            as("bob").delete("/api/v1/models/remove/" + model).then().statusCode(403);
        } finally {
            as("alice").delete("/api/v1/models/remove/" + model).then().statusCode(200);
        }
    }

    private static ValidatableResponse fit(RequestSpecification who, Map<String, Object> body) {
        return who.contentType(ContentType.JSON).body(body).post("/api/v1/models/fit_save").then();
    }

    private static void assertBobCannotSee(String id) {
        String unknown = UUID.randomUUID().toString();
        for (String path : List.of("/api/v1/datasets/%s", "/api/v1/datasets/%s/eda",
                "/api/v1/datasets/%s/eda/wordcloud.png")) {
            String theirs = as("bob").get(String.format(path, id)).then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo(NOT_FOUND))
                    .extract().path("detail");
            String nobodys = as("bob").get(String.format(path, unknown)).then().statusCode(404)
                    .extract().path("detail");
            // The same answer as for an id that does not exist: nothing tells bob it does.
            assertEquals(nobodys.replace(unknown, id), theirs);
        }
    }
}
