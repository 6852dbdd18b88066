package ai.datasuite.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.S3ProxyResource;

/** data_type takes the seed's words and MIME-like values (text/csv); it stays a label and a list filter. */
@QuarkusTest
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class DataTypeTest {

    @Test
    void mimeLikeDataTypesAreAcceptedStoredAndFiltered() {
        String user = FileResourceTest.user();
        byte[] csv = "city,population\nOslo,709000\n".getBytes(StandardCharsets.UTF_8);
        for (String dataType : new String[] {"text/csv", "application/vnd.ms-excel", "image/svg+xml", "csv"}) {
            Response stored = FileResourceTest.upload(user, dataType.replace('/', '-') + ".csv",
                    (dataType + "\n").concat(new String(csv, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                    "{\"user_id\":\"" + user + "\",\"data_type\":\"" + dataType + "\"}");
            stored.then().statusCode(201).body("data_type", equalTo(dataType));
            // the object key is the owner's and the content's, never the data type's
            stored.then().body("object_key", containsString("files/" + user + "/"));
            given().delete("/api/v1/files/{id}", (String) stored.path("id")).then().statusCode(204);
        }
        Response kept = FileResourceTest.upload(user, "towns.csv", csv,
                "{\"user_id\":\"" + user + "\",\"data_type\":\"text/csv\"}");
        kept.then().statusCode(201);
        given().queryParam("user_id", user).queryParam("data_type", "text/csv").get("/api/v1/files").then()
                .statusCode(200).body("items.id", hasItem((String) kept.path("id")));
        given().delete("/api/v1/files/{id}", (String) kept.path("id")).then().statusCode(204);
    }

    @Test
    void dataTypesThatAreNotLabelsAreRefused() {
        String user = FileResourceTest.user();
        for (String dataType : new String[] {"/csv", "../etc", ".hidden", "text csv", "a".repeat(65), ""}) {
            FileResourceTest.upload(user, "x.txt", "hello".getBytes(StandardCharsets.UTF_8),
                    "{\"user_id\":\"" + user + "\",\"data_type\":\"" + dataType + "\"}").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("data_type"));
        }
    }
}
