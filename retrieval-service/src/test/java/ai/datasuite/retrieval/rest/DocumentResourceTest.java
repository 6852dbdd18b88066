package ai.datasuite.retrieval.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.datasuite.identity.Roles;
import ai.datasuite.retrieval.config.DocumentsConfig;
import ai.datasuite.testsupport.identity.DefaultTestIdentity;
import ai.datasuite.testsupport.identity.TestIdentity;
import ai.datasuite.vectorindex.VectorStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Per-user document chunks through HTTP, with the real e5 model and the embedded store. Requests that name no identity
 * are the admin {@value DefaultTestIdentity#ADMIN}, who may name any owner; the owner rules are tested as users.
 */
@QuarkusTest
class DocumentResourceTest {

    @Inject
    VectorStore store;
    @Inject
    DocumentsConfig config;

    private static final String BASE = "/api/v1/documents";
    // The index persists under target/ between runs: owners unique to this run keep the runs apart.
    private static final String RUN = "-" + Long.toString(System.nanoTime(), 36);
    private static final String ALICE = "alice" + RUN;
    private static final String BOB = "bob" + RUN;

    @Test
    void searchNeverReturnsAnotherOwnersChunks() {
        // Both owners use the same file id and share the query's words; bob's chunk is the closer match.
        index(ALICE, "shared-f1", List.of(
                chunk("The Vistula river flows north through Krakow toward the Baltic Sea.", 0),
                chunk("Bread is baked in ovens at high temperature.", 1)), false).statusCode(200)
                .body("indexed", equalTo(2)).body("file_chunks", equalTo(2)).body("model", equalTo("e5-small-v2"));
        index(BOB, "shared-f1", List.of(
                chunk("The Vistula river flows through Warsaw, the capital of Poland.", 0),
                chunk("Warsaw river Vistula flows Warsaw river.", 1)), false).statusCode(200);

        JsonPath alice = search(Map.of("owner", ALICE, "query", "Which river flows through Warsaw?",
                "top_k", 10)).statusCode(200).extract().jsonPath();
        List<String> texts = alice.getList("results.text");
        assertEquals(2, texts.size(), texts.toString());
        assertTrue(texts.get(0).contains("Krakow"), "alice's best chunk first: " + texts);
        assertFalse(texts.stream().anyMatch(t -> t.contains("capital") || t.contains("Warsaw")), texts.toString());
        assertEquals(List.of("shared-f1", "shared-f1"), alice.getList("results.source_file_id"));
        assertTrue(alice.getDouble("results[0].dense_score") > alice.getDouble("results[1].dense_score"));

        JsonPath bob = search(Map.of("owner", BOB, "query", "Which river flows through Warsaw?"))
                .statusCode(200).extract().jsonPath();
        assertTrue(bob.getList("results.text").stream().allMatch(t -> ((String) t).contains("Warsaw")));
        // An owner with no chunks gets nothing, not someone else's.
        search(Map.of("owner", "carol" + RUN, "query", "Vistula river")).statusCode(200)
                .body("results.size()", equalTo(0));
    }

    @Test
    void ranksTheAnsweringChunkFirstAndFiltersByFile() {
        index("dana" + RUN, "geo", List.of(
                chunk("Mount Everest is the highest mountain above sea level, in the Himalayas.", 0),
                chunk("The Amazon rainforest covers much of the Amazon basin of South America.", 1),
                chunk("The Sahara is the largest hot desert in the world, in North Africa.", 2)), false)
                .statusCode(200);
        index("dana" + RUN, "food", List.of(
                chunk("Sourdough bread rises with wild yeast and lactic acid bacteria.", 0)), false).statusCode(200);

        JsonPath hits = search(Map.of("owner", "dana" + RUN, "query", "What is the biggest hot desert?", "top_k", 2))
                .statusCode(200).extract().jsonPath();
        assertEquals(2, hits.getList("results").size());
        assertEquals(2, hits.getInt("results[0].position"));
        assertEquals("geo", hits.getString("results[0].source_file_id"));
        assertTrue(hits.getDouble("results[0].score") > hits.getDouble("results[1].score"));

        JsonPath food = search(Map.of("owner", "dana" + RUN, "query", "What is the biggest hot desert?",
                "filters", Map.of("source_file_id", "food"))).statusCode(200).extract().jsonPath();
        assertEquals(List.of("food"), food.getList("results.source_file_id"));
    }

    @Test
    void replaceAndDeleteByFile() {
        index("erin" + RUN, "notes", List.of(chunk("alpha one", 0), chunk("alpha two", 1), chunk("alpha three", 2)),
                false)
                .statusCode(200).body("file_chunks", equalTo(3));
        // Same position again: replaced in place, not duplicated.
        index("erin" + RUN, "notes", List.of(chunk("alpha one, revised", 0)), false).statusCode(200)
                .body("file_chunks", equalTo(3)).body("replaced", equalTo(0));
        index("erin" + RUN, "notes", List.of(chunk("beta only", 0)), true).statusCode(200)
                .body("replaced", equalTo(3)).body("file_chunks", equalTo(1));
        index("frank" + RUN, "notes", List.of(chunk("beta for frank", 0)), false).statusCode(200);

        given().queryParam("owner", "erin" + RUN).queryParam("source_file_id", "notes").delete(BASE)
                .then().statusCode(200).body("deleted", equalTo(1)).body("owner", equalTo("erin" + RUN));
        given().queryParam("owner", "erin" + RUN).queryParam("source_file_id", "notes").delete(BASE)
                .then().statusCode(200).body("deleted", equalTo(0));
        search(Map.of("owner", "erin" + RUN, "query", "beta")).statusCode(200).body("results.size()", equalTo(0));
        search(Map.of("owner", "frank" + RUN, "query", "beta")).statusCode(200).body("results.size()", equalTo(1));
    }

    @Test
    void aUserIndexesSearchesAndDeletesOnlyTheirOwnChunks() {
        String alice = "alice-own" + RUN;
        String bob = "bob-own" + RUN;
        // No owner in the body: the chunks are the caller's.
        as(alice).body(Map.of("source_file_id", "notes", "chunks",
                List.of(chunk("The Vistula river flows through Warsaw to the Baltic Sea.", 0)))).post(BASE).then()
                .statusCode(200).body("owner", equalTo(alice)).body("file_chunks", equalTo(1));
        as(bob).body(Map.of("source_file_id", "notes", "chunks",
                List.of(chunk("Rye bread needs a sourdough starter and patience.", 0)))).post(BASE).then()
                .statusCode(200).body("owner", equalTo(bob)).body("file_chunks", equalTo(1));

        // bob's search is his own, whatever it asks for.
        JsonPath bobs = as(bob).body(Map.of("query", "Which river flows through Warsaw?", "top_k", 10))
                .post(BASE + "/search").then().statusCode(200).body("owner", equalTo(bob)).extract().jsonPath();
        assertEquals(List.of("Rye bread needs a sourdough starter and patience."), bobs.getList("results.text"));
        // Naming alice is refused, in the body and in the query, and changes nothing of hers.
        forbidden(as(bob).body(Map.of("owner", alice, "query", "Vistula")).post(BASE + "/search").then());
        forbidden(as(bob).body(Map.of("owner", alice, "source_file_id", "notes", "replace", true,
                "chunks", List.of(chunk("bob was here", 0)))).post(BASE).then());
        forbidden(as(bob).queryParam("owner", alice).queryParam("source_file_id", "notes").delete(BASE).then());
        // Deleting "notes" deletes bob's notes only.
        as(bob).queryParam("source_file_id", "notes").delete(BASE).then().statusCode(200)
                .body("owner", equalTo(bob)).body("deleted", equalTo(1));
        as(alice).body(Map.of("query", "Vistula", "top_k", 10)).post(BASE + "/search").then().statusCode(200)
                .body("results.text", equalTo(List.of("The Vistula river flows through Warsaw to the Baltic Sea.")));
        // Naming oneself is fine; an admin may name anyone.
        as(alice).body(Map.of("owner", alice, "query", "Vistula")).post(BASE + "/search").then().statusCode(200)
                .body("results.size()", equalTo(1));
        TestIdentity.as("root", Roles.ADMIN).contentType(ContentType.JSON).body(Map.of("owner", alice,
                "query", "Vistula")).post(BASE + "/search").then().statusCode(200).body("owner", equalTo(alice))
                .body("results.size()", equalTo(1));
        TestIdentity.as("root", Roles.ADMIN).queryParam("owner", alice).queryParam("source_file_id", "notes")
                .delete(BASE).then().statusCode(200).body("deleted", equalTo(1));
    }

    @Test
    void twoOwnersIndexingTheSameFileAndPositionsKeepBoth() {
        String file = "same-file" + RUN;
        List<Map<String, Object>> chunks = List.of(chunk("first chunk", 0), chunk("second chunk", 1));
        as("ann" + RUN).body(Map.of("source_file_id", file, "chunks", chunks)).post(BASE).then().statusCode(200);
        as("ben" + RUN).body(Map.of("source_file_id", file, "chunks", chunks)).post(BASE).then().statusCode(200)
                .body("file_chunks", equalTo(2));
        // Point ids come from (owner, file, position): four points, none replaced the other owner's.
        assertEquals(4, store.count(config.collection(), Map.of("source_file_id", file)));
        assertEquals(2, store.count(config.collection(), Map.of("source_file_id", file, "owner", "ann" + RUN)));
        assertEquals(2, store.count(config.collection(), Map.of("source_file_id", file, "owner", "ben" + RUN)));
        as("ann" + RUN).body(Map.of("query", "chunk", "top_k", 10)).post(BASE + "/search").then().statusCode(200)
                .body("results.size()", equalTo(2));
    }

    @Test
    void anOwnerOrFileWithAControlCharacterIsRefused() {
        // A NUL would make (owner "a\0b", file "c") and (owner "a", file "b\0c") the same point id.
        problem(post(BASE, Map.of("owner", "a\u0000b", "source_file_id", "c", "chunks", List.of(chunk("x", 0)))),
                400, "owner");
        problem(post(BASE, Map.of("owner", "a", "source_file_id", "b\u0000c", "chunks", List.of(chunk("x", 0)))),
                400, "source_file_id");
    }

    @Test
    void badIndexRequestsAreProblems() {
        // No owner (or a blank one) is the caller, no longer a 400 (the owner comes from the verified identity).
        post(BASE, Map.of("source_file_id", "f", "chunks", List.of(chunk("x", 0)))).statusCode(200)
                .body("owner", equalTo(DefaultTestIdentity.ADMIN));
        post(BASE, Map.of("owner", " ", "source_file_id", "f", "chunks", List.of(chunk("x", 0)))).statusCode(200)
                .body("owner", equalTo(DefaultTestIdentity.ADMIN));
        problem(post(BASE, Map.of("owner", "o", "chunks", List.of(chunk("x", 0)))), 400, "source_file_id");
        problem(post(BASE, Map.of("owner", "o".repeat(201), "source_file_id", "f", "chunks",
                List.of(chunk("x", 0)))), 400, "owner");
        problem(post(BASE, Map.of("owner", "o", "source_file_id", "f", "chunks", List.of())), 400, "chunks");
        problem(post(BASE, Map.of("owner", "o", "source_file_id", "f")), 400, "chunks");
        problem(post(BASE, Map.of("owner", "o", "source_file_id", "f", "chunks",
                List.of(chunk("x", 0), chunk(" ", 1)))), 400, "chunks[1].text");
        problem(post(BASE, Map.of("owner", "o", "source_file_id", "f", "chunks",
                List.of(Map.of("text", "no position")))), 400, "chunks[0].position");
        problem(post(BASE, Map.of("owner", "o", "source_file_id", "f", "chunks", List.of(chunk("x", -1)))), 400,
                "chunks[0].position");
        problem(post(BASE, Map.of("owner", "o", "source_file_id", "f", "chunks",
                List.of(chunk("x", 3), chunk("y", 3)))), 400, "chunks[1].position");
        problem(post(BASE, Map.of("owner", "o", "source_file_id", "f", "chunks",
                List.of(chunk("x".repeat(4001), 0)))), 400, "chunks[0].text");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            many.add(chunk("c" + i, i));
        }
        post(BASE, Map.of("owner", "o", "source_file_id", "f", "chunks", many)).statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:payload-too-large"));
        post(BASE, Map.of("owner", "o", "source_file_id", "f", "chunks", List.of(Map.of("text", "x",
                "position", "first")))).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("position"));
        given().contentType(ContentType.JSON).body("{\"owner\": ").post(BASE).then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Invalid JSON"));
        given().contentType(ContentType.JSON).body("").post(BASE).then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("owner=o").post(BASE).then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void badSearchAndDeleteRequestsAreProblems() {
        search(Map.of("query", "q")).statusCode(200).body("owner", equalTo(DefaultTestIdentity.ADMIN));
        problem(search(Map.of("owner", "o")), 400, "query");
        problem(search(Map.of("owner", "o", "query", "  ")), 400, "query");
        problem(search(Map.of("owner", "o", "query", "q".repeat(2001))), 400, "query");
        problem(search(Map.of("owner", "o", "query", "q", "top_k", 0)), 400, "top_k");
        problem(search(Map.of("owner", "o", "query", "q", "top_k", 51)), 400, "top_k");
        // A filter cannot widen the search to another owner.
        problem(search(Map.of("owner", "o", "query", "q", "filters", Map.of("owner", "bob"))), 400, "filters.owner");
        problem(search(Map.of("owner", "o", "query", "q", "filters", Map.of("source_file_id", ""))), 400,
                "filters.source_file_id");
        post(BASE + "/search", Map.of("owner", "o", "query", "q", "top_k", "five")).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("top_k"));

        given().queryParam("source_file_id", "f-never-indexed").delete(BASE).then().statusCode(200)
                .body("owner", equalTo(DefaultTestIdentity.ADMIN)).body("deleted", equalTo(0));
        problem(given().queryParam("owner", "o").delete(BASE).then(), 400, "source_file_id");
    }

    private static RequestSpecification as(String user) {
        return TestIdentity.as(user, Roles.USER).contentType(ContentType.JSON);
    }

    private static void forbidden(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("'owner' names another user"));
    }

    private static Map<String, Object> chunk(String text, int position) {
        return Map.of("text", text, "position", position);
    }

    private static ValidatableResponse index(String owner, String file, List<Map<String, Object>> chunks,
            boolean replace) {
        return post(BASE, Map.of("owner", owner, "source_file_id", file, "chunks", chunks, "replace", replace));
    }

    private static ValidatableResponse search(Map<String, Object> body) {
        return post(BASE + "/search", body);
    }

    private static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static void problem(ValidatableResponse response, int status, String field) {
        response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("field", equalTo(field));
    }
}
