package ai.datasuite.retrieval.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.datasuite.identity.Roles;
import ai.datasuite.testsupport.identity.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Public notices (owner {@code _public}) in a user's search, and answer sentences ("highlights"), through HTTP with the
 * real e5 model and the embedded store.
 */
@QuarkusTest
class DocumentNoticesAndHighlightsTest {

    private static final String BASE = "/api/v1/documents";
    private static final String PUBLIC = "_public";
    // The index persists under target/ between runs: names unique to this run keep the runs apart.
    private static final String RUN = "-" + Long.toString(System.nanoTime(), 36);

    @Test
    void noticesJoinAUsersSearchOnlyWhenAskedAndNeverAnotherUsersChunks() {
        String alice = "alice-n" + RUN;
        String bob = "bob-n" + RUN;
        String notice = "notice" + RUN;
        // An admin posts a notice; a service (the gateway) may too.
        TestIdentity.as("root", Roles.ADMIN).contentType(ContentType.JSON).body(Map.of("owner", PUBLIC,
                "source_file_id", notice, "chunks", List.of(chunk(
                        "The library is closed on Monday for the river festival at the Vistula.", 0))))
                .post(BASE).then().statusCode(200).body("owner", equalTo(PUBLIC));
        TestIdentity.as("chat-gateway", Roles.SERVICE).contentType(ContentType.JSON).body(Map.of("owner", PUBLIC,
                "source_file_id", notice + "-2", "chunks", List.of(chunk("Parking is free on Sundays.", 0))))
                .post(BASE).then().statusCode(200).body("owner", equalTo(PUBLIC));
        as(alice).body(Map.of("source_file_id", "trip", "chunks", List.of(
                chunk("The Vistula river flows through Warsaw and Krakow.", 0)))).post(BASE).then().statusCode(200);
        as(bob).body(Map.of("source_file_id", "trip", "chunks", List.of(
                chunk("Bob's notes: the Vistula festival in Warsaw is on Monday.", 0)))).post(BASE).then()
                .statusCode(200);

        // Without include_public: her own chunks only.
        as(alice).body(Map.of("query", "When is the Vistula festival?", "top_k", 10)).post(BASE + "/search").then()
                .statusCode(200).body("results.owner", equalTo(List.of(alice)));
        // With it: hers and the notices, each hit naming its owner; never bob's.
        JsonPath both = as(alice).body(Map.of("query", "When is the Vistula festival?", "top_k", 10,
                "include_public", true)).post(BASE + "/search").then().statusCode(200)
                .body("owner", equalTo(alice)).extract().jsonPath();
        List<String> owners = both.getList("results.owner");
        List<String> texts = both.getList("results.text");
        assertTrue(owners.contains(alice) && owners.contains(PUBLIC), owners.toString());
        assertFalse(owners.contains(bob) || texts.stream().anyMatch(t -> t.contains("Bob")), texts.toString());
        // (Notices of earlier runs may be in the persisted index too: they are public as well.)
        assertTrue(texts.size() >= 3, texts.toString());
        assertTrue(texts.get(0).contains("festival"), "the notice answers best: " + texts);
        assertEquals(PUBLIC, owners.get(0));
        assertTrue(both.getList("results.source_file_id").contains(notice));
        // The source_file_id filter applies to the notices too.
        as(alice).body(Map.of("query", "festival", "include_public", true, "filters",
                Map.of("source_file_id", notice))).post(BASE + "/search").then().statusCode(200)
                .body("results.owner", equalTo(List.of(PUBLIC)))
                .body("results.source_file_id", equalTo(List.of(notice)));
        // bob sees the same notices beside his own chunk.
        List<String> bobs = as(bob).body(Map.of("query", "Vistula festival", "top_k", 10, "include_public", true))
                .post(BASE + "/search").then().statusCode(200).extract().jsonPath().getList("results.owner");
        assertTrue(bobs.stream().filter(PUBLIC::equals).count() >= 2, bobs.toString());
        assertEquals(1, bobs.stream().filter(bob::equals).count(), bobs.toString());
        // Leave no notice behind for later runs.
        given().queryParam("owner", PUBLIC).queryParam("source_file_id", notice).delete(BASE).then().statusCode(200)
                .body("deleted", equalTo(1));
        given().queryParam("owner", PUBLIC).queryParam("source_file_id", notice + "-2").delete(BASE).then()
                .statusCode(200).body("deleted", equalTo(1));
    }

    @Test
    void onlyAdminsAndServicesWriteTheNotices() {
        String carol = "carol-n" + RUN;
        // A user naming _public is naming another owner: 403, for index, delete and search alike.
        forbidden(as(carol).body(Map.of("owner", PUBLIC, "source_file_id", "fake-notice", "chunks",
                List.of(chunk("Everyone gets a day off!", 0)))).post(BASE).then());
        forbidden(as(carol).queryParam("owner", PUBLIC).queryParam("source_file_id", "any").delete(BASE).then());
        forbidden(as(carol).body(Map.of("owner", PUBLIC, "query", "day off")).post(BASE + "/search").then());
        as(carol).body(Map.of("query", "Everyone gets a day off", "include_public", true, "top_k", 50))
                .post(BASE + "/search").then().statusCode(200)
                .body("results.text", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        "Everyone gets a day off!")));
        // An admin removes a notice.
        String file = "gone" + RUN;
        given().contentType(ContentType.JSON).body(Map.of("owner", PUBLIC, "source_file_id", file, "chunks",
                List.of(chunk("Old notice.", 0)))).post(BASE).then().statusCode(200);
        given().queryParam("owner", PUBLIC).queryParam("source_file_id", file).delete(BASE).then().statusCode(200)
                .body("deleted", equalTo(1));
    }

    @Test
    void highlightsAreTheBestSentencesOfTheHits() {
        String dana = "dana-h" + RUN;
        as(dana).body(Map.of("source_file_id", "poland", "chunks", List.of(
                chunk("Poland is a country in Central Europe. Its capital is Warsaw. The Vistula, Poland's longest"
                        + " river, is 1,047 km long. Dr. Nowak studied it for 20 years.", 0),
                chunk("Krakow was the capital until 1596. It has a famous old town.", 1),
                chunk("Pierogi are filled dumplings", 2)))).post(BASE).then().statusCode(200);

        JsonPath r = as(dana).body(Map.of("query", "How long is the Vistula river?", "top_k", 3, "highlights", 2))
                .post(BASE + "/search").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> highlights = r.getList("highlights");
        assertEquals(2, highlights.size(), highlights.toString());
        assertEquals("The Vistula, Poland's longest river, is 1,047 km long.", highlights.get(0).get("text"));
        assertTrue(r.getDouble("highlights[0].score") >= r.getDouble("highlights[1].score"));
        for (int i = 0; i < 2; i++) {
            int hit = r.getInt("highlights[" + i + "].hit");
            assertTrue(r.getString("results[" + hit + "].text").contains(r.getString("highlights[" + i + "].text")));
            assertEquals(r.getInt("results[" + hit + "].position"), r.getInt("highlights[" + i + "].position"));
            assertEquals("poland", r.getString("highlights[" + i + "].source_file_id"));
            assertEquals(dana, r.getString("highlights[" + i + "].owner"));
        }
        // The abbreviation did not split its sentence.
        List<String> all = as(dana).body(Map.of("query", "Who studied the river?", "top_k", 3, "highlights", 5))
                .post(BASE + "/search").then().statusCode(200).extract().jsonPath().getList("highlights.text");
        assertTrue(all.contains("Dr. Nowak studied it for 20 years."), all.toString());
        assertEquals(5, all.size(), all.toString());
        // Without punctuation a chunk is one sentence; highlights default to none.
        as(dana).body(Map.of("query", "dumplings", "top_k", 1, "highlights", 1)).post(BASE + "/search").then()
                .statusCode(200).body("highlights.text", equalTo(List.of("Pierogi are filled dumplings")))
                .body("highlights[0].hit", equalTo(0));
        as(dana).body(Map.of("query", "dumplings")).post(BASE + "/search").then().statusCode(200)
                .body("highlights.size()", equalTo(0));
        // An owner with nothing indexed: no hits, no highlights.
        as("nobody" + RUN).body(Map.of("query", "dumplings", "highlights", 2)).post(BASE + "/search").then()
                .statusCode(200).body("results.size()", equalTo(0)).body("highlights.size()", equalTo(0));
    }

    @Test
    void badHighlightsAndIncludePublicAreProblems() {
        problem(search(Map.of("query", "q", "highlights", -1)), "highlights")
                .body("detail", containsString("retrieval.documents.highlights.max"));
        problem(search(Map.of("query", "q", "highlights", 6)), "highlights");
        search(Map.of("query", "q", "highlights", "two")).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("highlights"));
        search(Map.of("query", "q", "include_public", "maybe")).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("include_public"));
    }

    private static RequestSpecification as(String user) {
        return TestIdentity.as(user, Roles.USER).contentType(ContentType.JSON);
    }

    private static Map<String, Object> chunk(String text, int position) {
        return Map.of("text", text, "position", position);
    }

    private static ValidatableResponse search(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(BASE + "/search").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:validation")).body("field", equalTo(field));
    }

    private static void forbidden(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"));
    }
}
