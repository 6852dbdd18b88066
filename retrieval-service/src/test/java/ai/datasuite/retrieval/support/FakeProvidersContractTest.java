package ai.datasuite.retrieval.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import ai.datasuite.testsupport.identity.DefaultTestIdentity;
import ai.datasuite.testsupport.identity.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link FakeIngest} and {@link FakeDatasetsMetadata} answer only what ingest-service's and metadata-service's
 * committed OpenAPI documents allow. retrieval's own dataset API drives its clients through the calls it makes
 * (upload, the same bytes again, catalogue, list, get, an unknown id, the undo of a failed catalogue step); the rest
 * (content, deletes, a repeated create, an outage) is asked of the fakes directly, as retrieval's clients ask it.
 */
@QuarkusTest
@TestProfile(DatasetsTestProfile.class)
class FakeProvidersContractTest {

    /** Answers ingest-service's document gives no schema for (none left; a new one fails this test). */
    static final Set<String> INGEST_GAPS = Set.of();

    /** Violations that would come from a defect of ingest-service's document, not of the fake (none left). */
    static final Set<String> INGEST_DEFECTS = Set.of();

    /** Answers metadata-service's document gives no schema for (none left). */
    static final Set<String> METADATA_GAPS = Set.of();

    private static final String CSV = """
            context,question,answer
            "Paris is the capital of France, on the Seine.",What is the capital of France?,Paris
            Tokyo is the capital of Japan and its largest city.,What is Japan's capital?,Tokyo
            The Nile is a major river in northeastern Africa.,Where is the Nile?,northeastern Africa
            """;

    @ConfigProperty(name = "quarkus.rest-client.ingest.url")
    String ingest;

    @ConfigProperty(name = "quarkus.rest-client.metadata.url")
    String metadata;

    @BeforeEach
    void clear() {
        FakeIngest.reset();
        FakeDatasetsMetadata.reset();
        FakeIngest.CONTRACT.clear();
        FakeDatasetsMetadata.CONTRACT.clear();
    }

    @AfterEach
    void resetFakes() {
        FakeIngest.reset();
        FakeDatasetsMetadata.reset();
    }

    @Test
    void everyAnswerRetrievalGetsIsOneItsProvidersCanGive() {
        byte[] csv = CSV.getBytes(StandardCharsets.UTF_8);
        String id = upload(csv, "contract").statusCode(201).extract().path("id");
        upload(csv, "contract again").statusCode(201);
        given().get("/api/v1/models/get_datasets").then().statusCode(200);
        given().get("/api/v1/datasets/{id}", id).then().statusCode(200);
        given().get("/api/v1/datasets/{id}", UUID.randomUUID()).then().statusCode(404);
        FakeDatasetsMetadata.FAIL_CREATES.set(true);
        upload((CSV + "Mount Everest is the highest mountain.,What is the highest mountain?,Mount Everest\n")
                .getBytes(StandardCharsets.UTF_8), "not catalogued").statusCode(503);
        FakeDatasetsMetadata.FAIL_CREATES.set(false);

        Map<String, Object> dataset = FakeDatasetsMetadata.DATASETS.get(id);
        String fileId = (String) dataset.get("file_id");
        assertEquals(200, call(ingest + "/api/v1/files/" + fileId + "/content", "GET", null));
        assertEquals(404, call(ingest + "/api/v1/files/" + UUID.randomUUID() + "/content", "GET", null));
        Map<String, Object> again = new LinkedHashMap<>(dataset);
        again.remove("uploaded_at");
        assertEquals(200, call(metadata + "/api/v1/datasets", "POST", again));
        assertEquals(204, call(metadata + "/api/v1/datasets/" + id, "DELETE", null));
        assertEquals(404, call(metadata + "/api/v1/datasets/" + id, "DELETE", null));
        assertEquals(204, call(ingest + "/api/v1/files/" + fileId, "DELETE", null));
        assertEquals(404, call(ingest + "/api/v1/files/" + fileId, "DELETE", null));
        FakeIngest.DOWN.set(true);
        assertEquals(503, call(ingest + "/api/v1/files/" + fileId + "/content", "GET", null));

        FakeIngest.CONTRACT.assertOnly(INGEST_DEFECTS);
        FakeIngest.CONTRACT.assertUnchecked(INGEST_GAPS);
        FakeDatasetsMetadata.CONTRACT.assertNone();
        FakeDatasetsMetadata.CONTRACT.assertUnchecked(METADATA_GAPS);
    }

    @Test
    void anAnswerWithAFieldMetadataServiceDoesNotHaveIsCaught() {
        // The fake echoes a create's body: a field the provider does not have comes back in its answer.
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("id", UUID.randomUUID().toString());
        dataset.put("name", "negative");
        dataset.put("file_id", UUID.randomUUID().toString());
        dataset.put("rows", 1);
        dataset.put("distinct_contexts", 1);
        dataset.put("columns", List.of("context", "question", "answer"));
        dataset.put("owner", "retrieval");
        dataset.put("ignored_columns", List.of());
        assertEquals(201, call(metadata + "/api/v1/datasets", "POST", dataset));
        List<String> violations = FakeDatasetsMetadata.CONTRACT.violations();
        assertEquals(2, violations.size(), violations::toString);
        assertTrue(violations.get(0).startsWith("POST /api/v1/datasets (request): $.ignored_columns is not a property"
                + " the provider has in DatasetCreate"), violations::toString);
        assertTrue(violations.get(1).startsWith("POST /api/v1/datasets -> 201: $.ignored_columns is not a property"
                + " the provider has in Dataset"), violations::toString);
    }

    private static io.restassured.response.ValidatableResponse upload(byte[] csv, String name) {
        return given().multiPart("file", "contract.csv", csv, "text/csv").multiPart("name", name)
                .when().post("/api/v1/datasets").then();
    }

    /** A call to a fake as retrieval's clients make it: JSON, with an identity (the fakes answer 401 without). */
    private static int call(String url, String method, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(new ObjectMapper().writeValueAsBytes(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TestIdentity.token(DefaultTestIdentity.ADMIN, Roles.ADMIN))
                    .method(method, publisher).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
