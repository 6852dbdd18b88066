package ai.datasuite.retrieval.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ai.datasuite.identity.Roles;
import ai.datasuite.retrieval.dataset.QaRow;
import ai.datasuite.retrieval.support.ModelsTestProfile;
import ai.datasuite.retrieval.support.SquadData;
import ai.datasuite.testsupport.identity.DefaultTestIdentity;
import ai.datasuite.testsupport.identity.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Models are shared: any verified caller uses any model, but only the user who fitted it (its owner) or an admin
 * removes it, and only an admin removes them all. (Fitting needs a dataset the caller may see: DatasetIsolationTest.)
 */
@QuarkusTest
@TestProfile(ModelsTestProfile.class)
class ModelOwnershipTest {

    private static final String BASE = "/api/v1/models/";

    @ConfigProperty(name = "retrieval.models.dir")
    String modelsDir;

    @Test
    void removeAllNeedsTheAdminRole() {
        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "bm25", "model_id", "doomed-1"))
                .statusCode(200);
        TestIdentity.anonymous().delete(BASE + "remove_all").then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("urn:ai-data-suite:problem:unauthorized"));
        // The admin keys are the gateway's now: an X-Api-Key header here is no identity at all.
        TestIdentity.anonymous().header("X-Api-Key", "anything").delete(BASE + "remove_all").then().statusCode(401);
        for (String role : List.of(Roles.USER, Roles.ANNOTATOR, Roles.SERVICE)) {
            TestIdentity.as("carol", role).delete(BASE + "remove_all").then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ai-data-suite:problem:forbidden"));
        }
        get("list_model").body("model_id", hasItem("doomed-1"));
        TestIdentity.as("root", Roles.ADMIN).delete(BASE + "remove_all").then().statusCode(200)
                .body("removed", hasItem("doomed-1"));
        get("list_model").body("model_id", not(hasItem("doomed-1")));
    }

    @Test
    void aModelIsSharedButOnlyItsOwnerOrAnAdminRemovesIt() {
        TestIdentity.as("alice", Roles.USER).contentType(ContentType.JSON).body(Map.of("dataset_id", SquadData.SMALL,
                "model_type", "bm25", "model_id", "alices")).post(BASE + "fit_save").then().statusCode(200)
                .body("owner", equalTo("alice"));
        get("list_model").body("find { it.model_id == 'alices' }.owner", equalTo("alice"));
        QaRow row = SquadData.first(SquadData.SMALL, 60).rows().get(0);
        // Anyone may use it: list, find, test, benchmark, load, unload.
        var bob = TestIdentity.as("bob", Roles.USER).contentType(ContentType.JSON);
        TestIdentity.as("bob", Roles.USER).get(BASE + "list_model").then().statusCode(200)
                .body("model_id", hasItem("alices"));
        bob.body(Map.of("model_id", "alices", "question", row.question())).post(BASE + "find_context").then()
                .statusCode(200).body("results.size()", equalTo(5));
        TestIdentity.as("bob", Roles.USER).contentType(ContentType.JSON).body(Map.of("model_id", "alices",
                "sample", 20)).post(BASE + "quality_test").then().statusCode(200).body("n", equalTo(20));
        TestIdentity.as("bob", Roles.USER).contentType(ContentType.JSON).body(Map.of("model_id", "alices"))
                .post(BASE + "unload_model").then().statusCode(200);
        TestIdentity.as("bob", Roles.USER).contentType(ContentType.JSON).body(Map.of("model_id", "alices", "n", 5))
                .post(BASE + "benchmark").then().statusCode(200).body("loaded_now", equalTo(true));
        // ... but not remove it.
        TestIdentity.as("bob", Roles.USER).delete(BASE + "remove/alices").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("'alice'")).body("model_id", equalTo("alices"));
        TestIdentity.as("bob", Roles.ANNOTATOR).delete(BASE + "remove/alices").then().statusCode(403);
        get("list_model").body("model_id", hasItem("alices"));
        TestIdentity.as("alice", Roles.USER).delete(BASE + "remove/alices").then().statusCode(200)
                .body("removed", equalTo(List.of("alices")));

        TestIdentity.as("bob", Roles.USER).contentType(ContentType.JSON).body(Map.of("dataset_id", SquadData.SMALL,
                "model_type", "bm25", "model_id", "bobs")).post(BASE + "fit_save").then().statusCode(200);
        TestIdentity.as("root", Roles.ADMIN).delete(BASE + "remove/bobs").then().statusCode(200);
    }

    @Test
    void aModelSavedBeforeOwnersIsRemovedOnlyByAnAdmin() throws Exception {
        post("fit_save", Map.of("dataset_id", SquadData.SMALL, "model_type", "bm25", "model_id", "legacy"))
                .statusCode(200).body("owner", equalTo(DefaultTestIdentity.ADMIN));
        // What an earlier version wrote: model.json without "owner".
        Path meta = Path.of(modelsDir, "legacy", "model.json");
        Files.writeString(meta, Files.readString(meta).replaceAll(",?\\s*\"owner\"\\s*:\\s*\"[^\"]*\"", ""));
        assertFalse(Files.readString(meta).contains("owner"), Files.readString(meta));
        get("list_model").body("find { it.model_id == 'legacy' }.owner", nullValue());
        TestIdentity.as(DefaultTestIdentity.ADMIN, Roles.USER).delete(BASE + "remove/legacy").then().statusCode(403)
                .body("detail", containsString("nobody on record"));
        delete("remove/legacy").statusCode(200);
    }

    private static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(BASE + path).then();
    }

    private static ValidatableResponse get(String path) {
        return given().get(BASE + path).then();
    }

    private static ValidatableResponse delete(String path) {
        return given().delete(BASE + path).then();
    }
}
