package ai.datasuite.gateway.openapi;

import static ai.datasuite.gateway.openapi.UpstreamFixtures.INFERENCE;
import static ai.datasuite.gateway.openapi.UpstreamFixtures.RETRIEVAL;
import static ai.datasuite.gateway.openapi.UpstreamFixtures.contract;
import static ai.datasuite.gateway.openapi.UpstreamFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.proxy.RouteTable;

import ai.datasuite.gateway.openapi.PublicConventions.SourceStatus;

/** What the gateway adds to the merged document: security, its problem responses, info and the list of sources. */
class OpenApiConventionsTest {

    private static final TestOpenApiConfig CONFIG = new TestOpenApiConfig();
    private static final List<SourceStatus> STATUSES = List.of(
            new SourceStatus("chat-gateway", true, null, null),
            new SourceStatus("ingest-service", true, "2026-12-02T10:00:00Z", null),
            new SourceStatus("metadata-service", true, "2026-12-02T09:00:00Z", "HTTP 503"),
            new SourceStatus("inference-service", false, null, "ConnectException"),
            new SourceStatus("retrieval-service", true, "2026-12-02T10:00:00Z", null));

    private static ObjectNode document() {
        ObjectNode merged = OpenApiMerge.merge(List.of(
                Source.conventions(PublicConventions.components()),
                Source.service("ingest-service", json(contract("ingest-service")), RouteTable.prefixesOf(Upstream.INGEST)),
                Source.service("metadata-service", json(contract("metadata-service")), RouteTable.prefixesOf(Upstream.METADATA)),
                Source.service("retrieval-service", json(RETRIEVAL), RouteTable.prefixesOf(Upstream.RETRIEVAL))));
        return PublicConventions.apply(merged, CONFIG, STATUSES);
    }

    private static List<ObjectNode> operations(JsonNode document) {
        List<ObjectNode> operations = new ArrayList<>();
        OpenApiMerge.forEachOperation(document.get("paths"), operations::add);
        return operations;
    }

    @Test
    void theApiKeyIsRequiredEverywhere() {
        ObjectNode document = document();

        assertEquals(json("""
                {"s": [{"ApiKey": []}, {"Bearer": []}]}""").get("s"), document.get("security"));
        JsonNode schemes = document.at("/components/securitySchemes");
        assertEquals(Map.of("type", "apiKey", "in", "header", "name", "X-Api-Key"), Map.of(
                "type", schemes.at("/ApiKey/type").asText(), "in", schemes.at("/ApiKey/in").asText(),
                "name", schemes.at("/ApiKey/name").asText()));
        assertEquals("http", schemes.at("/Bearer/type").asText());
        assertEquals("bearer", schemes.at("/Bearer/scheme").asText());
        assertEquals(2, schemes.size(), "no service's internal token scheme: " + schemes);
        operations(document).forEach(operation -> assertFalse(operation.has("security"), operation.toString()));
    }

    @Test
    void everyOperationAnswersTheGatewaysProblems() {
        List<ObjectNode> operations = operations(document());

        assertTrue(operations.size() > 10, "operations: " + operations.size());
        for (ObjectNode operation : operations) {
            JsonNode responses = operation.get("responses");
            assertEquals("#/components/responses/Unauthorized", responses.at("/401/$ref").asText());
            assertEquals("#/components/responses/TooManyRequests", responses.at("/429/$ref").asText());
            for (String status : List.of("403", "502", "503", "504")) {
                assertTrue(responses.has(status), status + " in " + operation);
            }
            // only a request with a body can be too large
            assertEquals(operation.has("requestBody"), responses.has("413"), operation.toString());
        }
    }

    @Test
    void theGatewaysUnauthorizedReplacesTheServicesAndAServicesOwnDetailedProblemStays() {
        ObjectNode document = document();

        // smallrye-jwt's bare 401/403 of retrieval's listing become the gateway's
        JsonNode listing = document.at("/paths/~1api~1v1~1models~1list_model/get/responses");
        assertEquals("#/components/responses/Unauthorized", listing.at("/401/$ref").asText());
        assertEquals("#/components/responses/Forbidden", listing.at("/403/$ref").asText());
        // ... while the 403 retrieval documents with an example stays
        JsonNode unload = document.at("/paths/~1api~1v1~1models~1unload_model/post/responses");
        assertEquals("Unloading a model needs the admin role; your key has the role 'user'.",
                unload.at("/403/content/application~1problem+json/example/detail").asText());
        // and so does ingest's own 503 of an upload (its storage is down), given the problem's schema it lacked
        JsonNode storageDown = document.at("/paths/~1api~1v1~1files/post/responses/503");
        assertFalse(storageDown.has("$ref"), storageDown.toString());
        assertEquals("#/components/schemas/Problem",
                storageDown.at("/content/application~1problem+json/schema/$ref").asText());
        assertEquals("#/components/responses/PayloadTooLarge",
                document.at("/paths/~1api~1v1~1models~1unload_model/post/responses/413/$ref").asText());
    }

    @Test
    void everyReferenceResolves() {
        ObjectNode document = document();

        for (ComponentRefs.Key key : ComponentRefs.in(document)) {
            assertTrue(document.at("/components/" + key.type()).has(key.name()), key.ref() + " is not defined");
        }
        JsonNode problem = document.at("/components/responses/TooManyRequests/content/application~1problem+json");
        assertEquals("#/components/schemas/Problem", problem.at("/schema/$ref").asText());
        assertEquals(429, problem.at("/example/status").asInt());
    }

    @Test
    void namesTheGatewayAndSaysWhichServicesItIsBuiltFrom() {
        ObjectNode document = document();

        assertEquals("AI data suite API", document.at("/info/title").asText());
        assertEquals("0.1.0", document.at("/info/version").asText());
        assertEquals("/", document.at("/servers/0/url").asText());
        String description = document.at("/info/description").asText();
        assertTrue(description.contains("X-Api-Key"), description);
        assertTrue(description.contains("- inference-service: **left out**: its document could not be fetched"
                + " (ConnectException)"), description);
        assertTrue(description.contains("- metadata-service: included as fetched at 2026-12-02T09:00:00Z; fetching"
                + " it again failed (HTTP 503)"), description);
        assertTrue(description.contains("- retrieval-service: included\n") || description.endsWith(
                "- retrieval-service: included"), description);
        JsonNode sources = document.get("x-suite-sources");
        assertEquals(5, sources.size());
        assertEquals("inference-service", sources.at("/3/name").asText());
        assertFalse(sources.at("/3/included").asBoolean());
        assertEquals("ConnectException", sources.at("/3/problem").asText());
        assertTrue(sources.at("/4/included").asBoolean());
        assertEquals("2026-12-02T09:00:00Z", sources.at("/2/fetched_at").asText());
        assertEquals("HTTP 503", sources.at("/2/problem").asText());
        assertFalse(sources.get(4).has("problem"), sources.toString());
    }
}
