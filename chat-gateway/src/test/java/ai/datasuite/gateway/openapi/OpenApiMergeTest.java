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
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.proxy.RouteTable;

/** The merge on its own: which paths and components stay, what is renamed and how references follow. */
class OpenApiMergeTest {

    private static final String KEYS = """
            {"openapi": "3.1.0", "tags": [{"name": "Keys", "description": "API keys (admins)"}],
             "paths": {"/api/v1/keys": {"get": {"tags": ["Keys"], "operationId": "list",
                         "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/KeyPage"}}}}}}}},
             "components": {"schemas": {"KeyPage": {"type": "object", "properties": {"items": {"type": "array"}}}}}}""";

    private static ObjectNode merged() {
        return OpenApiMerge.merge(List.of(
                Source.conventions(PublicConventions.components()),
                Source.gateway("chat-gateway", json(KEYS)),
                Source.service("ingest-service", json(contract("ingest-service")), RouteTable.prefixesOf(Upstream.INGEST)),
                Source.service("metadata-service", json(contract("metadata-service")), RouteTable.prefixesOf(Upstream.METADATA)),
                Source.service("inference-service", json(INFERENCE),
                        RouteTable.prefixesOf(Upstream.INFERENCE)),
                Source.service("retrieval-service", json(RETRIEVAL),
                        RouteTable.prefixesOf(Upstream.RETRIEVAL))));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void keepsOnlyThePathsTheGatewayRoutesToEachService() {
        Set<String> expected = new TreeSet<>(Set.of("/api/v1/keys", "/api/v1/predict", "/api/v1/classifiers",
                "/api/v1/classifiers/{id}/unload", "/api/v1/comments", "/api/v1/models/list_model",
                "/api/v1/models/unload_model", "/api/v1/datasets"));
        expected.addAll(names(json(contract("ingest-service")).get("paths")));
        names(json(contract("metadata-service")).get("paths")).stream()
                .filter(path -> path.startsWith("/api/v1/tasks") || path.startsWith("/api/v1/conversations"))
                .forEach(expected::add);

        Set<String> paths = names(merged().get("paths"));

        // left out: metadata's files, datasets, comments (e.g. /api/v1/comments/claims, /api/v1/files/references),
        // and inference's old /api/v1/models, which the gateway routes to retrieval
        assertEquals(expected, paths);
        assertTrue(paths.contains("/api/v1/tasks/{task_id}"), paths.toString());
    }

    @Test
    void aPathTwoServicesServeComesFromTheOneItIsRoutedTo() {
        JsonNode merged = merged();
        // metadata and retrieval both serve /api/v1/datasets; the gateway routes it to retrieval
        JsonNode datasets = merged.at("/paths/~1api~1v1~1datasets");
        assertEquals("Upload a Q&A dataset", datasets.at("/post/summary").asText());
        assertEquals("#/components/schemas/DatasetView",
                datasets.at("/get/responses/200/content/application~1json/schema/items/$ref").asText());
        // the comments listing is inference's, not metadata's internal one
        assertEquals("#/components/schemas/CommentPage",
                merged.at("/paths/~1api~1v1~1comments/get/responses/200/content/application~1json/schema/$ref")
                        .asText());
        assertEquals("List your comments", merged.at("/paths/~1api~1v1~1comments/get/summary").asText());
    }

    @Test
    void leavesOutTheComponentsOnlyInternalPathsUse() {
        Set<String> schemas = names(merged().at("/components/schemas"));

        // metadata's Dataset, Comment, FilePage and the like belong to its internal paths only
        for (String internal : List.of("Dataset", "DatasetCreate", "Comment", "CommentClaim", "CommentStats",
                "FileCreate", "ReferencesView", "MetadataFilePage", "MetadataDataset")) {
            assertFalse(schemas.contains(internal), internal + " in " + schemas);
        }
        assertTrue(schemas.containsAll(Set.of("FilePage", "TaskPage", "TaskWithFiles", "KeyPage", "DatasetView",
                "PredictRequest", "Problem")), schemas.toString());
    }

    @Test
    void prefixesAClashingComponentWithEachServiceAndRewritesItsRefs() {
        ObjectNode merged = merged();
        JsonNode schemas = merged.at("/components/schemas");

        assertFalse(schemas.has("ModelView"), "the clashing name itself is gone");
        assertEquals(json(RETRIEVAL).at("/components/schemas/ModelView"), schemas.get("RetrievalModelView"));
        assertEquals(json(INFERENCE).at("/components/schemas/ModelView"), schemas.get("InferenceModelView"));
        assertEquals(json(RETRIEVAL).at("/components/schemas/UnloadReport"), schemas.get("RetrievalUnloadReport"));
        assertEquals(json(INFERENCE).at("/components/schemas/UnloadReport"), schemas.get("InferenceUnloadReport"));
        assertEquals("#/components/schemas/RetrievalModelView", merged.at("/paths/~1api~1v1~1models~1list_model"
                + "/get/responses/200/content/application~1json/schema/items/$ref").asText());
        assertEquals("#/components/schemas/InferenceModelView", merged.at("/paths/~1api~1v1~1classifiers"
                + "/get/responses/200/content/application~1json/schema/items/$ref").asText());
        assertEquals("#/components/schemas/InferenceUnloadReport", merged.at("/paths/~1api~1v1~1classifiers~1{id}"
                + "~1unload/post/responses/200/content/application~1json/schema/$ref").asText());
        // ingest's and retrieval's upload forms differ too
        assertTrue(schemas.has("IngestUploadForm") && schemas.has("RetrievalUploadForm"), names(schemas).toString());
        assertEquals("#/components/schemas/RetrievalUploadForm", merged.at("/paths/~1api~1v1~1datasets/post"
                + "/requestBody/content/multipart~1form-data/schema/$ref").asText());
    }

    @Test
    void sharesAComponentOfEqualContentUnderItsOwnName() {
        JsonNode schemas = merged().at("/components/schemas");

        // all four services name an equal Instant
        assertEquals(json(RETRIEVAL).at("/components/schemas/Instant"), schemas.get("Instant"));
        assertTrue(names(schemas).stream().noneMatch(name -> name.endsWith("Instant") && !name.equals("Instant")),
                names(schemas).toString());
        assertFalse(schemas.has("OldModelView"), "inference's old listing is retrieval's path");
    }

    @Test
    void ingestsAndMetadatasFileAreTwoSchemas() {
        ObjectNode merged = merged();
        JsonNode schemas = merged.at("/components/schemas");

        // a task lists metadata's file records; ingest answers its own File (details as an object)
        assertFalse(schemas.has("File"), names(schemas).toString());
        assertEquals(json(contract("ingest-service")).at("/components/schemas/File"), schemas.get("IngestFile"));
        assertEquals("#/components/schemas/MetadataFile",
                schemas.at("/TaskWithFiles/properties/files/items/$ref").asText());
        // only ingest's FilePage is public, so it keeps its name and points at ingest's File
        assertEquals("#/components/schemas/IngestFile", schemas.at("/FilePage/properties/items/items/$ref").asText());
        assertEquals("#/components/schemas/IngestFile", merged.at("/paths/~1api~1v1~1files~1{id}/get/responses/200"
                + "/content/application~1json/schema/$ref").asText());
    }

    @Test
    void aComponentWhoseRefsWereRenamedIsRenamedToo() {
        // two services with a textually equal page whose item schemas differ: the pages differ after the renames
        String a = """
                {"paths": {"/a": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
                 "components": {"schemas": {"Page": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}},
                                            "Item": {"type": "object", "properties": {"a": {"type": "string"}}}}}}""";
        String b = a.replace("\"/a\"", "\"/b\"").replace("{\"a\": {\"type\": \"string\"}}", "{\"b\": {\"type\": \"integer\"}}");

        JsonNode merged = OpenApiMerge.merge(List.of(Source.service("a-service", json(a), List.of("/a")),
                Source.service("b-service", json(b), List.of("/b"))));

        assertEquals(Set.of("AItem", "APage", "BItem", "BPage"), names(merged.at("/components/schemas")));
        assertEquals("#/components/schemas/BItem", merged.at("/components/schemas/BPage/properties/items/items/$ref")
                .asText());
        assertEquals("#/components/schemas/APage",
                merged.at("/paths/~1a/get/responses/200/content/application~1json/schema/$ref").asText());
    }

    @Test
    void theContentMostServicesShareKeepsTheNameAndTheOddOneIsPrefixed() {
        String shared = """
                {"paths": {"/%s": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Instant"}}}}}}}},
                 "components": {"schemas": {"Instant": {"type": "string", "format": "date-time"}}}}""";
        String odd = shared.replace("\"format\": \"date-time\"",
                "\"format\": \"date-time\", \"examples\": [\"2022-03-10T16:15:50Z\"]");

        JsonNode merged = OpenApiMerge.merge(List.of(
                Source.service("a-service", json(shared.formatted("a")), List.of("/a")),
                Source.service("b-service", json(odd.formatted("b")), List.of("/b")),
                Source.service("c-service", json(shared.formatted("c")), List.of("/c"))));

        assertEquals(Set.of("BInstant", "Instant"), names(merged.at("/components/schemas")));
        assertEquals(json(odd.formatted("b")).at("/components/schemas/Instant"),
                merged.at("/components/schemas/BInstant"));
        assertEquals("#/components/schemas/Instant",
                merged.at("/paths/~1c/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/BInstant",
                merged.at("/paths/~1b/get/responses/200/content/application~1json/schema/$ref").asText());
    }

    @Test
    void theGatewaysConventionsKeepTheirNamesAndAServiceYieldsItsOwn() {
        String service = """
                {"paths": {"/x": {"get": {"responses": {"400": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
                 "components": {"schemas": {"Problem": {"type": "object", "properties": {"code": {"type": "integer"}}}}}}""";

        JsonNode merged = OpenApiMerge.merge(List.of(Source.conventions(PublicConventions.components()),
                Source.service("legacy-service", json(service), List.of("/x"))));

        assertEquals(PublicConventions.components().at("/components/schemas/Problem"),
                merged.at("/components/schemas/Problem"));
        assertEquals(json(service).at("/components/schemas/Problem"), merged.at("/components/schemas/LegacyProblem"));
        assertEquals("#/components/schemas/LegacyProblem", merged.at(
                "/paths/~1x/get/responses/400/content/application~1problem+json/schema/$ref").asText());
    }

    @Test
    void rewritesTheTargetsOfADiscriminatorMapping() {
        String a = """
                {"paths": {"/a": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Shape"}}}}}}}},
                 "components": {"schemas": {
                   "Shape": {"oneOf": [{"$ref": "#/components/schemas/Circle"}],
                             "discriminator": {"propertyName": "kind", "mapping": {"circle": "#/components/schemas/Circle"}}},
                   "Circle": {"type": "object", "properties": {"r": {"type": "number"}}}}}}""";
        String b = """
                {"paths": {"/b": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Circle"}}}}}}}},
                 "components": {"schemas": {"Circle": {"type": "object", "properties": {"radius": {"type": "number"}}}}}}""";

        JsonNode merged = OpenApiMerge.merge(List.of(Source.service("a-service", json(a), List.of("/a")),
                Source.service("b-service", json(b), List.of("/b"))));

        // Shape is a's alone and keeps its name; the Circle it maps to clashes with b's
        assertEquals("#/components/schemas/ACircle",
                merged.at("/components/schemas/Shape/discriminator/mapping/circle").asText());
        assertEquals("#/components/schemas/ACircle", merged.at("/components/schemas/Shape/oneOf/0/$ref").asText());
        assertEquals("#/components/schemas/BCircle",
                merged.at("/paths/~1b/get/responses/200/content/application~1json/schema/$ref").asText());
    }

    @Test
    void mergesTheTagsTheKeptOperationsUse() {
        List<String> tags = new ArrayList<>();
        merged().get("tags").forEach(tag -> tags.add(tag.get("name").asText()));

        // retrieval's Documents are not public any more (the gateway's own /api/v1/documents carries that tag)
        assertTrue(tags.containsAll(List.of("Keys", "Models", "Datasets", "Classifiers", "Prediction", "Comments")),
                tags.toString());
        assertFalse(tags.contains("Documents"), tags.toString());
        assertEquals(tags.size(), new TreeSet<>(tags).size(), "each tag once: " + tags);
        JsonNode models = null;
        for (JsonNode tag : merged().get("tags")) {
            models = tag.get("name").asText().equals("Models") ? tag : models;
        }
        assertEquals("Fit, save, load and remove retrieval models; find contexts; quality and speed",
                models.get("description").asText());
    }

    @Test
    void anOperationIdTwoSourcesUseIsPrefixed() {
        ObjectNode merged = merged();

        assertEquals("gatewayList", merged.at("/paths/~1api~1v1~1keys/get/operationId").asText());
        assertEquals("inferenceList", merged.at("/paths/~1api~1v1~1classifiers/get/operationId").asText());
        assertEquals("retrievalList", merged.at("/paths/~1api~1v1~1models~1list_model/get/operationId").asText());
    }

    @Test
    void dropsTheServicesOwnSecurity() {
        ObjectNode merged = merged();

        assertFalse(merged.at("/components/securitySchemes").has("SecurityScheme"));
        OpenApiMerge.forEachOperation(merged.get("paths"),
                operation -> assertFalse(operation.has("security"), operation.toString()));
        // the conventions' own schemes stay
        assertTrue(merged.at("/components/securitySchemes").has(PublicConventions.API_KEY));
    }
}
