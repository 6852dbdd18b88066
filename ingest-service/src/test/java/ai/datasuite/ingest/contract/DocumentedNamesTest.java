package ai.datasuite.ingest.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.S3ProxyResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The OpenAPI document names every property as the JSON on the wire does (snake_case), and the file answers have a
 * schema: each answer's keys are exactly the properties of the schema the document gives for it.
 */
@QuarkusTest
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class DocumentedNamesTest {

    private static final String FILES = "/api/v1/files";

    @Test
    void answersCarryExactlyTheDocumentedProperties() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        String user = "names-" + UUID.randomUUID().toString().substring(0, 8);
        String metadata = "{\"user_id\": \"" + user + "\", \"data_type\": \"document\", \"task_id\": \"t1\","
                + " \"tags\": [\"a\"]}";
        assertEquals(properties(doc, "UploadMetadata"), keys(JsonPath.from(metadata).getMap("$")), "the metadata part");

        Response created = given().multiPart("file", "notes.txt", ("names " + user).getBytes(StandardCharsets.UTF_8))
                .multiPart("metadata", metadata)
                .post(FILES);
        assertEquals(201, created.statusCode(), created::asString);
        assertEquals(ref("File"), doc.getString(json(FILES, "post", "201") + ".schema.'$ref'"));
        assertEquals(properties(doc, "File"), keys(created.jsonPath().getMap("$")));

        assertEquals(ref("File"), doc.getString(json(FILES + "/{id}", "get", "200") + ".schema.'$ref'"));
        Response one = given().get(FILES + "/{id}", created.jsonPath().getString("id"));
        assertEquals(properties(doc, "File"), keys(one.jsonPath().getMap("$")));

        assertEquals(ref("FilePage"), doc.getString(json(FILES, "get", "200") + ".schema.'$ref'"));
        JsonPath page = given().queryParam("user_id", user).get(FILES).then().statusCode(200).extract().jsonPath();
        assertEquals(properties(doc, "FilePage"), keys(page.getMap("$")));
        assertEquals(properties(doc, "File"), keys(page.getMap("items[0]")));
    }

    private static String json(String path, String method, String status) {
        return "paths.'" + path + "'." + method + ".responses.'" + status + "'.content.'application/json'";
    }

    private static String ref(String schema) {
        return "#/components/schemas/" + schema;
    }

    private static Set<String> properties(JsonPath doc, String schema) {
        Map<String, Object> properties = doc.getMap("components.schemas." + schema + ".properties");
        assertTrue(properties != null && !properties.isEmpty(), schema + " has properties");
        return keys(properties);
    }

    private static Set<String> keys(Map<String, ?> map) {
        assertTrue(map != null, "an object");
        return new TreeSet<>(map.keySet());
    }
}
