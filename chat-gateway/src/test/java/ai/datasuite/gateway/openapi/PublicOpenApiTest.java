package ai.datasuite.gateway.openapi;

import static ai.datasuite.gateway.openapi.UpstreamFixtures.INFERENCE;
import static ai.datasuite.gateway.openapi.UpstreamFixtures.JSON;
import static ai.datasuite.gateway.openapi.UpstreamFixtures.RETRIEVAL;
import static ai.datasuite.gateway.openapi.UpstreamFixtures.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * The gateway's one public document, built from fake services serving small realistic documents, and Swagger UI
 * showing it. Every request here carries no key and no identity: the API's description is open, like health.
 */
@QuarkusTest
@WithTestResource(FakeOpenApiUpstreams.class)
class PublicOpenApiTest {

    private static JsonNode document() throws IOException {
        String body = TestIdentity.anonymous().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).contentType(startsWith("application/json")).extract().asString();
        return JSON.readTree(body);
    }

    private static Set<String> paths(JsonNode document) {
        Set<String> paths = new TreeSet<>();
        document.get("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    @Test
    void holdsThePublicPathsOfEveryServiceAndNotTheInternalOnes() throws IOException {
        Set<String> paths = paths(document());

        assertTrue(paths.containsAll(Set.of("/api/v1/files", "/api/v1/files/{id}", "/api/v1/files/{id}/content",
                "/api/v1/tasks", "/api/v1/tasks/{task_id}", "/api/v1/models/list_model", "/api/v1/datasets",
                "/api/v1/documents/search")), paths.toString());
        for (String internal : Set.of("/api/v1/files/references", "/api/v1/comments/claims",
                "/api/v1/comments/results", "/api/v1/datasets/{id}")) {
            assertFalse(paths.contains(internal), "metadata's internal " + internal + " in " + paths);
        }
        assertTrue(paths.containsAll(Set.of("/api/chat", "/api/v1/conversations/{id}",
                "/api/v1/conversations/{id}/messages/{message_id}/rating")), paths.toString());
        assertTrue(paths.stream().allMatch(path -> path.startsWith("/api/")), paths.toString());
    }

    @Test
    void theGatewaysOwnKeyEndpointsAppear() throws IOException {
        JsonNode own = JSON.readTree(TestIdentity.anonymous().queryParam("format", "json").get("/q/openapi-gateway")
                .then().statusCode(200).extract().asString());
        JsonNode document = document();

        assertTrue(own.get("paths").has("/api/v1/keys"), "the gateway documents its keys: " + paths(own));
        for (String path : paths(own)) {
            JsonNode merged = document.get("paths").get(path);
            assertTrue(merged != null, path + " of the gateway's own document is missing");
            own.get("paths").get(path).fieldNames().forEachRemaining(method ->
                    assertTrue(merged.has(method), method + " " + path + " is missing"));
        }
    }

    @Test
    void renamesClashingSchemasAndRewritesTheirRefs() throws IOException {
        JsonNode document = document();
        JsonNode schemas = document.at("/components/schemas");

        // ingest and retrieval both name their upload form UploadForm; ingest and metadata both have a File
        assertFalse(schemas.has("UploadForm"));
        assertEquals(json(RETRIEVAL).at("/components/schemas/UploadForm"), schemas.get("RetrievalUploadForm"));
        assertTrue(schemas.has("IngestUploadForm") && schemas.has("IngestFile") && schemas.has("MetadataFile"),
                schemas.toString());
        assertEquals("#/components/schemas/RetrievalUploadForm", document.at("/paths/~1api~1v1~1datasets/post"
                + "/requestBody/content/multipart~1form-data/schema/$ref").asText());
        assertEquals("#/components/schemas/IngestUploadForm", document.at("/paths/~1api~1v1~1files/post"
                + "/requestBody/content/multipart~1form-data/schema/$ref").asText());
        for (ComponentRefs.Key key : ComponentRefs.in(document)) {
            assertTrue(document.at("/components/" + key.type()).has(key.name()), key.ref() + " is not defined");
        }
    }

    @Test
    void theApiKeyIsRequiredOnEveryOperation() throws IOException {
        JsonNode document = document();

        assertEquals(json("{\"s\": [{\"ApiKey\": []}, {\"Bearer\": []}]}").get("s"), document.get("security"));
        assertEquals("X-Api-Key", document.at("/components/securitySchemes/ApiKey/name").asText());
        assertEquals("header", document.at("/components/securitySchemes/ApiKey/in").asText());
        assertEquals("bearer", document.at("/components/securitySchemes/Bearer/scheme").asText());
        assertFalse(document.at("/components/securitySchemes").has("SecurityScheme"), "retrieval's internal token");
        OpenApiMerge.forEachOperation(document.get("paths"), operation -> {
            assertFalse(operation.has("security"), operation.toString());
            assertEquals("#/components/responses/Unauthorized", operation.at("/responses/401/$ref").asText());
        });
        assertEquals("AI data suite API", document.at("/info/title").asText());
    }

    @Test
    void aServiceThatIsDownIsLeftOutAndALaterRequestIncludesIt() throws IOException {
        String inference = ConfigProvider.getConfig().getValue("gateway.upstreams.inference", String.class);
        boolean upAlready = paths(document()).contains("/api/v1/predict");
        if (!upAlready) {
            JsonNode down = document();
            assertFalse(paths(down).contains("/api/v1/classifiers"));
            assertTrue(down.at("/info/description").asText().contains("- inference-service: **left out**"),
                    down.at("/info/description").asText());
            JsonNode source = down.at("/x-suite-sources/3");
            assertEquals("inference-service", source.get("name").asText());
            assertFalse(source.get("included").asBoolean());
            assertEquals("HTTP 503", source.get("problem").asText());
            // the other services are there meanwhile
            assertTrue(paths(down).contains("/api/v1/models/list_model"));
        }
        int fetchesBefore = Integer.parseInt(RestAssured.get(inference + "/fake/fetches").asString());

        RestAssured.post(inference + "/fake/up").then().statusCode(204);
        JsonNode up = document();

        assertTrue(paths(up).containsAll(Set.of("/api/v1/predict", "/api/v1/classifiers", "/api/v1/comments")),
                paths(up).toString());
        assertFalse(paths(up).contains("/api/v1/models"), "inference's old listing is retrieval's path");
        JsonNode modelView = up.at("/components/schemas/InferenceModelView");
        assertEquals(json(INFERENCE).at("/components/schemas/ModelView/properties/state"),
                modelView.at("/properties/state"));
        // the services' Instant is shared; the gateway's own (with examples) differs from the contracts' bare one
        assertEquals("#/components/schemas/Instant", modelView.at("/properties/loaded_at/$ref").asText());
        assertTrue(up.at("/x-suite-sources/3/included").asBoolean());
        assertTrue(up.at("/info/description").asText().contains("- inference-service: included"));
        assertTrue(Integer.parseInt(RestAssured.get(inference + "/fake/fetches").asString()) > fetchesBefore);
    }

    @Test
    void servesYamlByDefaultAndJsonWhenAsked() throws IOException {
        JsonNode json = document();
        String yaml = TestIdentity.anonymous().get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asString();
        assertEquals(json.get("paths"), new YAMLMapper().readTree(yaml).get("paths"));

        TestIdentity.anonymous().accept("application/json").get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/json")).body("info.title", org.hamcrest.Matchers.equalTo(
                        "AI data suite API"));
        TestIdentity.anonymous().get("/q/openapi.json").then().statusCode(200)
                .contentType(startsWith("application/json"));
        TestIdentity.anonymous().get("/q/openapi.yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml"));
    }

    @Test
    void swaggerUiShowsThePublicDocument() {
        TestIdentity.anonymous().get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("/q/openapi"))
                .body(not(containsString("/q/openapi-gateway")));
    }
}
