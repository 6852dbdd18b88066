package ai.datasuite.retrieval.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.datasuite.retrieval.support.DatasetsTestProfile;
import ai.datasuite.retrieval.support.FakeDatasetsMetadata;
import ai.datasuite.retrieval.support.FakeIngest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * get_datasets lives in its own root resource ({@code /api/v1/models/get_datasets}) beside the models' resource at
 * {@code /api/v1/models}: both must answer, whichever root class RESTEasy Reactive tries first.
 */
@QuarkusTest
@TestProfile(DatasetsTestProfile.class)
class ModelDatasetsResourceTest {

    @BeforeEach
    void reset() {
        FakeIngest.reset();
        FakeDatasetsMetadata.reset();
    }

    @Test
    void getDatasetsListsTheCatalogueNewestFirst() throws InterruptedException {
        given().when().get("/api/v1/models/get_datasets").then().statusCode(200).body("$", hasSize(0));
        String first = DatasetResourceTest.uploadSmall("first");
        Thread.sleep(2); // uploaded_at has microseconds; make the order unambiguous
        String second = DatasetResourceTest.upload(
                DatasetResourceTest.SMALL.replace("Tokyo", "Kyoto").getBytes(StandardCharsets.UTF_8), "other.csv",
                Map.of("name", "second")).statusCode(201).extract().path("id");
        given().when().get("/api/v1/models/get_datasets")
                .then().statusCode(200)
                .body("id", contains(second, first))
                .body("name", contains("second", "first"))
                .body("[0].rows", equalTo(10))
                .body("[0].distinct_contexts", equalTo(6))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("file_id")));
    }

    @Test
    void theModelsResourceKeepsItsOwnPaths() {
        // Whatever ModelResource answers for list_model, it is not the 404 of an unmatched path.
        given().when().get("/api/v1/models/list_model").then().statusCode(not(404));
        given().when().get("/api/v1/models/get_datasets").then().statusCode(200);
    }
}
