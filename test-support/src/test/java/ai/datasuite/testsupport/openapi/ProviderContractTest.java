package ai.datasuite.testsupport.openapi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider's side: the committed file is the live document's shape; prose, order and versions do not count. */
class ProviderContractTest {

    private static final String LIVE = """
            {"openapi": "3.1.0", "info": {"title": "shop", "version": "1.0.1"},
             "servers": [{"url": "http://localhost:8081"}],
             "paths": {"/api/items/{id}": {"get": {"tags": ["Items"], "summary": "Get one",
               "parameters": [{"name": "verbose", "in": "query", "schema": {"type": "boolean"}},
                              {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
               "responses": {"200": {"description": "The item", "content": {"application/json": {
                 "schema": {"$ref": "#/components/schemas/Item"},
                 "examples": {"lamp": {"value": {"id": "1"}}}}}}}}}},
             "components": {"schemas": {"Item": {"type": "object", "description": "An item",
               "required": ["name", "id"],
               "properties": {"name": {"type": "string"}, "id": {"type": "string"},
                              "description": {"type": "string", "description": "prose"},
                              "tags": {"type": "array", "items": {"type": "string"}}}}}}}
            """;

    @Test
    void theCommittedFormKeepsTheShapeOnly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("shop.openapi.json");
        ProviderContract.assertCommitted("shop", LIVE, file, true);
        String written = Files.readString(file);
        assertTrue(written.startsWith("{\n  \"paths\""), written);
        for (String gone : new String[] {"info", "servers", "openapi", "summary", "\"Items\"", "examples", "An item",
                "prose", "The item"}) {
            assertTrue(!written.contains(gone), gone + " stays in " + written);
        }
        // Properties that carry a keyword's name are kept, with their own prose dropped.
        assertTrue(written.contains("\"description\" : {\n"), written);
        assertTrue(written.contains("\"tags\" : {\n"), written);
        assertTrue(written.indexOf("\"id\", \"name\"") > 0 || written.contains("[ \"id\", \"name\" ]"), written);
        assertTrue(written.indexOf("\"in\" : \"path\"") < written.indexOf("\"in\" : \"query\""), written);
    }

    @Test
    void proseOrderAndVersionsAreNoDrift(@TempDir Path dir) {
        Path file = dir.resolve("shop.openapi.json");
        ProviderContract.assertCommitted("shop", LIVE, file, true);
        String reworded = LIVE.replace("1.0.1", "2.0").replace("Get one", "Fetch one").replace("3.1.0", "3.1.1")
                .replace("\"required\": [\"name\", \"id\"]", "\"required\": [\"id\", \"name\"]");
        assertDoesNotThrow(() -> ProviderContract.assertCommitted("shop", reworded, file, false));
    }

    @Test
    void aChangedShapeFailsAndSaysHowToRefresh(@TempDir Path dir) {
        Path file = dir.resolve("shop.openapi.json");
        ProviderContract.assertCommitted("shop", LIVE, file, true);
        String changed = LIVE.replace("\"name\": {\"type\": \"string\"}", "\"title\": {\"type\": \"string\"}")
                .replace("\"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}",
                        "\"tags\": {\"type\": \"string\"}");
        AssertionError error = assertThrows(AssertionError.class,
                () -> ProviderContract.assertCommitted("shop", changed, file, false));
        String message = error.getMessage();
        assertTrue(message.contains("removed components.schemas.Item.properties.name (committed: {\"type\":\"string\"})"),
                message);
        assertTrue(message.contains("added   components.schemas.Item.properties.title"), message);
        assertTrue(message.contains("changed components.schemas.Item.properties.tags.type: committed \"array\","
                + " live \"string\""), message);
        assertTrue(message.contains("-Dcontracts.update=true"), message);
    }

    @Test
    void aPathDifferenceNamesThePath(@TempDir Path dir) {
        Path file = dir.resolve("shop.openapi.json");
        ProviderContract.assertCommitted("shop", LIVE, file, true);
        AssertionError error = assertThrows(AssertionError.class, () -> ProviderContract.assertCommitted("shop",
                LIVE.replace("\"200\": {", "\"201\": {"), file, false));
        assertTrue(error.getMessage().contains("removed paths[\"/api/items/{id}\"].get.responses[\"200\"]"),
                error.getMessage());
    }

    @Test
    void aMissingContractSaysHowToWriteIt(@TempDir Path dir) {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ProviderContract.assertCommitted("shop", LIVE, dir.resolve("none.json"), false));
        assertTrue(error.getMessage().contains("mvn -B -o -pl shop verify -Dtest=OpenApiContractTest"), error.getMessage());
    }
}
