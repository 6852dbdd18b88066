package ai.datasuite.ingest.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.datasuite.identity.Roles;
import ai.datasuite.testsupport.identity.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link FakeMetadataResource} answers only what metadata-service's committed OpenAPI document allows. Ingest's own
 * API drives its metadata client through every call it makes (create, the same bytes again, list, get, delete, an
 * unknown id); the branches ingest cannot be made to take on purpose (a conflict, the references query, an outage)
 * are asked of the fake directly, with the bodies ingest sends.
 */
@QuarkusTest
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class FakeMetadataContractTest {

    /**
     * Answers metadata-service's document gives no schema for: none left (the list only shrinks; GET /api/v1/files
     * documents its page since the provider names it FilePage).
     */
    static final Set<String> KNOWN_GAPS = Set.of();

    /**
     * Defects of metadata-service's document, not of the fake: none left (the list only shrinks; FileCreate.details,
     * a Jackson ObjectNode once documented as an array, is documented as an object since the provider fixed it).
     */
    static final Set<String> KNOWN_PROVIDER_DEFECTS = Set.of();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.rest-client.metadata.url")
    String metadata;

    @BeforeEach
    void clear() {
        FakeMetadataResource.CONTRACT.clear();
    }

    @AfterEach
    void up() {
        FakeMetadataResource.DOWN.set(false);
    }

    @Test
    void everyAnswerIngestGetsIsOneMetadataServiceCanGive() {
        String user = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] bytes = ("contract check " + user + "\n").getBytes(StandardCharsets.UTF_8);
        String metadataPart = "{\"user_id\":\"" + user + "\",\"data_type\":\"document\",\"tags\":[\"contract\"]}";
        String id = given().multiPart("file", "notes.txt", bytes).multiPart("metadata", metadataPart)
                .post("/api/v1/files").then().statusCode(201).extract().path("id");
        given().multiPart("file", "again.txt", bytes).multiPart("metadata", metadataPart)
                .post("/api/v1/files").then().statusCode(200);
        given().queryParam("user_id", user).get("/api/v1/files").then().statusCode(200);
        given().get("/api/v1/files/{id}", id).then().statusCode(200);
        given().get("/api/v1/files/{id}", UUID.randomUUID()).then().statusCode(404);

        Map<String, Object> row = FakeMetadataResource.ROWS.get(id);
        Map<String, Object> otherId = new LinkedHashMap<>(row);
        otherId.keySet().removeAll(Set.of("status", "created_at"));
        otherId.put("id", UUID.randomUUID().toString());
        assertEquals(409, call("POST", "", otherId));
        assertEquals(200, call("POST", "/references",
                Map.of("bucket", row.get("bucket"), "keys", List.of(row.get("object_key"), "orphan"))));

        given().delete("/api/v1/files/{id}", id).then().statusCode(204);
        FakeMetadataResource.DOWN.set(true);
        assertEquals(503, call("GET", "/" + id, null));

        FakeMetadataResource.CONTRACT.assertOnly(KNOWN_PROVIDER_DEFECTS);
        FakeMetadataResource.CONTRACT.assertUnchecked(KNOWN_GAPS);
    }

    @Test
    void anAnswerWithAFieldMetadataServiceDoesNotHaveIsCaught() {
        // The fake echoes a create's body: a field the provider does not have comes back in its answer.
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("id", UUID.randomUUID().toString());
        file.put("owner_id", "contract-negative");
        file.put("original_name", "a.txt");
        file.put("media_type", "text/plain");
        file.put("size_bytes", 1);
        file.put("sha256", "0".repeat(64));
        file.put("bucket", "suite-files");
        file.put("object_key", "files/contract-negative/a");
        file.put("colour", "red");
        try {
            assertEquals(201, call("POST", "", file));
        } finally {
            FakeMetadataResource.ROWS.remove((String) file.get("id"));
        }
        assertEquals(2, FakeMetadataResource.CONTRACT.violations().size(),
                FakeMetadataResource.CONTRACT.violations()::toString);
        assertTrue(FakeMetadataResource.CONTRACT.violations().stream().allMatch(v -> v.contains("$.colour is not a property")),
                FakeMetadataResource.CONTRACT.violations()::toString);
        assertTrue(FakeMetadataResource.CONTRACT.violations().get(1).startsWith("POST /api/v1/files -> 201: "),
                FakeMetadataResource.CONTRACT.violations()::toString);
        FakeMetadataResource.CONTRACT.clear();
    }

    /** A call straight to the fake, as ingest's reconciler makes it: with the service's own identity. */
    private int call(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(metadata + "/api/v1/files" + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TestIdentity.token("ingest-service", Roles.SERVICE))
                    .method(method, publisher).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
