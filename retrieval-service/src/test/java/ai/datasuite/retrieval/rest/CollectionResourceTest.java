package ai.datasuite.retrieval.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import ai.datasuite.identity.Roles;
import ai.datasuite.retrieval.config.CollectionsConfig;
import ai.datasuite.retrieval.text.EnglishStopWords;
import ai.datasuite.testsupport.identity.DefaultTestIdentity;
import ai.datasuite.testsupport.identity.TestIdentity;
import ai.datasuite.vectorindex.VectorStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * General item collections through HTTP with the real e5 model and the embedded store, on 60 products of the retail
 * demo catalog (10 of each of six categories; the first four are leather backpacks). The products are embedded once
 * per run (names unique to the run: the store and registry persist under the data dir).
 */
@QuarkusTest
class CollectionResourceTest {

    private static final String BASE = "/api/v1/collections";
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String PRODUCTS = "products-" + RUN;
    private static List<Map<String, Object>> items;

    @Inject
    VectorStore store;
    @Inject
    CollectionsConfig config;

    /** The 60 products as items: text = title + ". " + description, payload title, category, style. */
    static synchronized List<Map<String, Object>> products() throws IOException {
        if (items == null) {
            List<Map<String, Object>> list = new ArrayList<>();
            try (Reader in = new InputStreamReader(CollectionResourceTest.class
                    .getResourceAsStream("/collections/products-60.csv"), StandardCharsets.UTF_8)) {
                for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(in)) {
                    list.add(Map.of("id", r.get("id"), "text", r.get("title") + ". " + r.get("description"),
                            "payload", Map.of("title", r.get("title"), "category", r.get("category"),
                                    "style", r.get("style"))));
                }
            }
            // Two requests, as the gateway sends batches.
            json().body(Map.of("items", list.subList(0, 25))).post(BASE + "/" + PRODUCTS + "/items").then()
                    .statusCode(200).body("collection", equalTo(PRODUCTS)).body("upserted", equalTo(25))
                    .body("count", equalTo(25));
            json().body(Map.of("items", list.subList(25, 60))).post(BASE + "/" + PRODUCTS + "/items").then()
                    .statusCode(200).body("upserted", equalTo(35)).body("count", equalTo(60));
            items = list;
        }
        return items;
    }

    @Test
    void upsertCountsSimilarAndSearch() throws IOException {
        List<Map<String, Object>> products = products();
        given().get(BASE + "/" + PRODUCTS).then().statusCode(200).body("name", equalTo(PRODUCTS))
                .body("owner", equalTo(DefaultTestIdentity.ADMIN)).body("count", equalTo(60))
                .body("dimension", equalTo(384)).body("model", equalTo("e5-small-v2"))
                .body("created_at", containsString("T"));
        // The same id again replaces the item: the count stays.
        json().body(Map.of("items", List.of(products.get(10)))).post(BASE + "/" + PRODUCTS + "/items").then()
                .statusCode(200).body("upserted", equalTo(1)).body("count", equalTo(60));

        String backpack = (String) products.get(0).get("id"); // Mauve Leather Daypack
        JsonPath similar = given().queryParam("k", 5).get(BASE + "/" + PRODUCTS + "/items/" + backpack + "/similar")
                .then().statusCode(200).body("collection", equalTo(PRODUCTS)).body("id", equalTo(backpack))
                .extract().jsonPath();
        List<String> ids = similar.getList("neighbours.id");
        assertEquals(5, ids.size());
        assertFalse(ids.contains(backpack), "the item itself is left out: " + ids);
        assertTrue(Set.of("backpack", "bag", "handbag").contains(similar.getString("neighbours[0].payload.style")),
                "the nearest is another bag: " + similar.getString("neighbours[0].payload.title"));
        assertNull(similar.get("neighbours[0].payload.item_id"), "internal keys stay inside");
        List<Float> scores = similar.getList("neighbours.score", Float.class);
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), scores.toString());
        }

        JsonPath found = json().body(Map.of("text", "a guitar or other musical instrument", "k", 3))
                .post(BASE + "/" + PRODUCTS + "/search").then().statusCode(200)
                .body("collection", equalTo(PRODUCTS)).extract().jsonPath();
        assertEquals(List.of("instruments", "instruments", "instruments"), found.getList("neighbours.payload.category"));

        given().get(BASE + "/" + PRODUCTS + "/items/no-such-item/similar").then().statusCode(404)
                .contentType("application/problem+json");
        given().get(BASE + "/no-such-" + RUN).then().statusCode(404);
    }

    @Test
    void badNamesAndInputAre400AndLimitsNameTheirKeys() {
        json().body(Map.of("items", List.of(item("1", "text")))).post(BASE + "/Bad_Name/items").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("name"));
        given().get(BASE + "/-starts-with-hyphen").then().statusCode(400).body("field", equalTo("name"));
        String name = "limits-" + RUN;
        json().body(Map.of("items", List.of())).post(BASE + "/" + name + "/items").then().statusCode(400)
                .body("field", equalTo("items"));
        json().body(Map.of("items", List.of(item("1", "a"), item("1", "b")))).post(BASE + "/" + name + "/items")
                .then().statusCode(400).body("field", equalTo("items[1].id"));
        json().body(Map.of("items", List.of(Map.of("id", "1", "text", "t", "payload", Map.of("text", "x")))))
                .post(BASE + "/" + name + "/items").then().statusCode(400).body("field", equalTo("items[0].payload.text"));
        json().body("{not json").post(BASE + "/" + name + "/items").then().statusCode(400);
        given().contentType("text/plain").body("x").post(BASE + "/" + name + "/items").then().statusCode(415);

        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i <= config.maxItemsPerRequest(); i++) {
            many.add(item("i" + i, "text " + i));
        }
        json().body(Map.of("items", many)).post(BASE + "/" + name + "/items").then().statusCode(413)
                .body("limit", equalTo("retrieval.collections.max-items-per-request"))
                .body("max", equalTo(config.maxItemsPerRequest()))
                .body("detail", containsString("retrieval.collections.max-items-per-request"));
        json().body(Map.of("items", List.of(item("long", "x".repeat(config.maxTextChars() + 1)))))
                .post(BASE + "/" + name + "/items").then().statusCode(400)
                .body("limit", equalTo("retrieval.collections.max-text-chars"));
        // Nothing above was stored: the collection was never made.
        given().get(BASE + "/" + name).then().statusCode(404);
        assertEquals(0, store.count("items-" + name));
    }

    @Test
    void requestLimitsOfAnExistingCollectionNameTheirKeys() throws IOException {
        products();
        given().queryParam("k", config.maxK() + 1).get(BASE + "/" + PRODUCTS + "/items/x/similar").then()
                .statusCode(400).body("limit", equalTo("retrieval.collections.max-k"));
        json().body(Map.of("text", "bag", "k", 0)).post(BASE + "/" + PRODUCTS + "/search").then().statusCode(400)
                .body("field", equalTo("k"));
        json().body(Map.of("text", " ")).post(BASE + "/" + PRODUCTS + "/search").then().statusCode(400)
                .body("field", equalTo("text"));
        json().body(Map.of("max_points", config.projection().maxPoints() + 1))
                .post(BASE + "/" + PRODUCTS + "/projection").then().statusCode(400)
                .body("limit", equalTo("retrieval.collections.projection.max-points"));
        json().body(Map.of("perplexity", 0)).post(BASE + "/" + PRODUCTS + "/projection").then().statusCode(400)
                .body("field", equalTo("perplexity"));
        json().body(Map.of("words", config.wordMap().maxWords() + 1)).post(BASE + "/" + PRODUCTS + "/word-map")
                .then().statusCode(400).body("limit", equalTo("retrieval.collections.word-map.max-words"));
    }

    @Test
    void anotherUsersCollectionIs404AndAnAdminSeesIt() {
        String alice = "alice-" + RUN;
        String bob = "bob-" + RUN;
        String name = "alice-things-" + RUN;
        as(alice).body(Map.of("items", List.of(item("a1", "A red leather wallet"), item("a2", "A blue umbrella"))))
                .post(BASE + "/" + name + "/items").then().statusCode(200).body("count", equalTo(2));
        as(alice).get(BASE + "/" + name).then().statusCode(200).body("owner", equalTo(alice));
        JsonPath listed = as(alice).get(BASE).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(name), listed.getList("items.name"), "alice sees only her own");
        assertEquals(2, listed.getInt("items[0].count"));

        as(bob).get(BASE + "/" + name).then().statusCode(404).contentType("application/problem+json");
        as(bob).body(Map.of("items", List.of(item("b1", "mine now")))).post(BASE + "/" + name + "/items").then()
                .statusCode(404);
        as(bob).get(BASE + "/" + name + "/items/a1/similar").then().statusCode(404);
        as(bob).body(Map.of("text", "wallet")).post(BASE + "/" + name + "/search").then().statusCode(404);
        as(bob).body(Map.of()).post(BASE + "/" + name + "/projection").then().statusCode(404);
        as(bob).body(Map.of()).post(BASE + "/" + name + "/word-map").then().statusCode(404);
        as(bob).delete(BASE + "/" + name).then().statusCode(404);
        assertFalse(as(bob).get(BASE).then().statusCode(200).extract().jsonPath().getList("items.name")
                .contains(name));
        assertEquals(2, store.count("items-" + name), "bob's refused upsert wrote nothing");

        given().get(BASE + "/" + name).then().statusCode(200).body("owner", equalTo(alice)).body("count", equalTo(2));
        assertTrue(given().get(BASE).then().statusCode(200).extract().jsonPath().getList("items.name")
                .contains(name));
        TestIdentity.anonymous().get(BASE + "/" + name).then().statusCode(401);
    }

    @Test
    void deleteRemovesVectorsAndRegistryEntry() {
        String owner = "dora-" + RUN;
        String name = "to-delete-" + RUN;
        as(owner).body(Map.of("items", List.of(item("d1", "A wooden chair"), item("d2", "A glass table"))))
                .post(BASE + "/" + name + "/items").then().statusCode(200);
        assertEquals(2, store.count("items-" + name));
        Path entry = Path.of(config.dir()).resolve(name + ".json");
        assertTrue(Files.exists(entry), "registry entry under the configured dir");
        as(owner).delete(BASE + "/" + name).then().statusCode(204);
        as(owner).get(BASE + "/" + name).then().statusCode(404);
        as(owner).delete(BASE + "/" + name).then().statusCode(404);
        assertEquals(0, store.count("items-" + name));
        assertFalse(store.collections().contains("items-" + name));
        assertFalse(Files.exists(entry));
        // The name is free again; the new collection starts empty.
        as(owner).body(Map.of("items", List.of(item("n1", "A lamp")))).post(BASE + "/" + name + "/items").then()
                .statusCode(200).body("count", equalTo(1));
    }

    @Test
    void projectionJsonIsDeterministicAndGroupsLabels() throws IOException {
        List<Map<String, Object>> products = products();
        Map<String, Object> request = Map.of("perplexity", 10, "seed", 7);
        JsonPath first = json().body(request).post(BASE + "/" + PRODUCTS + "/projection").then().statusCode(200)
                .contentType(ContentType.JSON).body("collection", equalTo(PRODUCTS)).body("method", equalTo("t-SNE"))
                .body("perplexity", equalTo(10.0f)).body("total", equalTo(60)).body("sampled", equalTo(false))
                .extract().jsonPath();
        List<Map<String, Object>> points = first.getList("points");
        assertEquals(60, points.size());
        Map<String, String> category = new HashMap<>();
        products.forEach(p -> category.put((String) p.get("id"),
                (String) ((Map<?, ?>) p.get("payload")).get("category")));
        for (Map<String, Object> p : points) {
            assertEquals(category.get((String) p.get("id")), p.get("label"), "label from payload.category");
            assertTrue(p.get("title") instanceof String && p.get("x") instanceof Number && p.get("y") instanceof Number);
        }
        // Same seed and parameters: the same picture. Upserting an unchanged item raises the collection's version, so
        // this is a second computation, not the cache.
        json().body(Map.of("items", List.of(products.get(10)))).post(BASE + "/" + PRODUCTS + "/items").then()
                .statusCode(200);
        JsonPath again = json().body(request).post(BASE + "/" + PRODUCTS + "/projection").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(first.getList("points"), again.getList("points"));

        // Items of one category lie closer together than items of different categories.
        double same = 0;
        double other = 0;
        int nSame = 0;
        int nOther = 0;
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                double d = Math.hypot(num(points.get(i), "x") - num(points.get(j), "x"),
                        num(points.get(i), "y") - num(points.get(j), "y"));
                if (points.get(i).get("label").equals(points.get(j).get("label"))) {
                    same += d;
                    nSame++;
                } else {
                    other += d;
                    nOther++;
                }
            }
        }
        assertTrue(same / nSame < 0.6 * (other / nOther), "same " + same / nSame + " other " + other / nOther);

        // Labels from the request replace payload.category; items without one have none.
        String firstId = (String) points.get(0).get("id");
        JsonPath relabelled = json().body(Map.of("perplexity", 10, "seed", 7, "labels", Map.of(firstId, "mine")))
                .post(BASE + "/" + PRODUCTS + "/projection").then().statusCode(200).extract().jsonPath();
        assertEquals("mine", relabelled.getString("points[0].label"));
        assertNull(relabelled.get("points[1].label"));
        assertEquals(first.getFloat("points[0].x"), relabelled.getFloat("points[0].x"));

        // Sampling: max_points below the count, the same seed draws the same items.
        JsonPath sampled = json().body(Map.of("max_points", 20, "seed", 3)).post(BASE + "/" + PRODUCTS + "/projection")
                .then().statusCode(200).body("sampled", equalTo(true)).body("total", equalTo(60))
                .body("points.size()", equalTo(20)).extract().jsonPath();
        JsonPath sampledAgain = json().body(Map.of("max_points", 20, "seed", 3))
                .post(BASE + "/" + PRODUCTS + "/projection").then().statusCode(200).extract().jsonPath();
        assertEquals(sampled.getList("points.id"), sampledAgain.getList("points.id"));
        JsonPath otherSeed = json().body(Map.of("max_points", 20, "seed", 4))
                .post(BASE + "/" + PRODUCTS + "/projection").then().statusCode(200).extract().jsonPath();
        assertNotEquals(sampled.getList("points.id"), otherSeed.getList("points.id"));
    }

    @Test
    void projectionAsPngAndProjectorZip() throws IOException {
        products();
        byte[] png = json().accept("image/png").body(Map.of("perplexity", 10, "seed", 7))
                .post(BASE + "/" + PRODUCTS + "/projection").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));

        byte[] zip = json().accept("application/zip").body(Map.of())
                .post(BASE + "/" + PRODUCTS + "/projection").then().statusCode(200).contentType("application/zip")
                .extract().asByteArray();
        Map<String, String> files = unzip(zip);
        List<String> vectors = lines(files.get("vectors.tsv"));
        List<String> metadata = lines(files.get("metadata.tsv"));
        assertEquals("id\tlabel\ttitle", metadata.get(0));
        assertEquals(vectors.size(), metadata.size() - 1);
        assertEquals(60, vectors.size());
        for (String row : vectors) {
            String[] cells = row.split("\t");
            assertEquals(384, cells.length);
            Float.parseFloat(cells[0]);
        }
        assertEquals(3, metadata.get(1).split("\t", -1).length);
    }

    @Test
    void wordMapWordsAreFrequentNonStopWordsInCountOrder() throws IOException {
        products();
        JsonPath map = json().body(Map.of("words", 40, "min_count", 3, "perplexity", 5, "seed", 1))
                .post(BASE + "/" + PRODUCTS + "/word-map").then().statusCode(200)
                .body("collection", equalTo(PRODUCTS)).body("method", equalTo("t-SNE")).extract().jsonPath();
        List<String> words = map.getList("words.word");
        List<Integer> counts = map.getList("words.count", Integer.class);
        assertEquals(40, words.size());
        assertTrue(words.contains("leather"), words.toString());
        for (int i = 0; i < words.size(); i++) {
            assertFalse(EnglishStopWords.WORDS.contains(words.get(i)), words.get(i));
            assertTrue(counts.get(i) >= 3);
            if (i > 0) {
                assertTrue(counts.get(i - 1) >= counts.get(i), counts.toString());
            }
        }
        assertTrue(map.get("words[0].x") instanceof Number);

        byte[] png = json().accept("image/png").body(Map.of("words", 40, "min_count", 3, "perplexity", 5))
                .post(BASE + "/" + PRODUCTS + "/word-map").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        Map<String, String> files = unzip(json().accept("application/zip")
                .body(Map.of("words", 40, "min_count", 3, "perplexity", 5, "seed", 1))
                .post(BASE + "/" + PRODUCTS + "/word-map").then().statusCode(200).extract().asByteArray());
        List<String> metadata = lines(files.get("metadata.tsv"));
        assertEquals("word\tcount", metadata.get(0));
        assertEquals(words.get(0) + "\t" + counts.get(0), metadata.get(1));
        List<String> vectors = lines(files.get("vectors.tsv"));
        assertEquals(vectors.size(), metadata.size() - 1);
        assertEquals(384, vectors.get(0).split("\t").length);
    }

    @Test
    void everyCollectionEndpointIsDocumentedWithExamples() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        Map<String, List<String>> expected = Map.of(
                BASE, List.of("get"),
                BASE + "/{name}", List.of("get", "delete"),
                BASE + "/{name}/items", List.of("post"),
                BASE + "/{name}/items/{id}/similar", List.of("get"),
                BASE + "/{name}/search", List.of("post"),
                BASE + "/{name}/projection", List.of("post"),
                BASE + "/{name}/word-map", List.of("post"));
        expected.forEach((path, methods) -> {
            assertTrue(paths.containsKey(path), path + " in the OpenAPI document");
            for (String method : methods) {
                Map<?, ?> responses = (Map<?, ?>) paths.get(path).get(method).get("responses");
                for (Map.Entry<?, ?> response : responses.entrySet()) {
                    Map<?, ?> content = (Map<?, ?>) ((Map<?, ?>) response.getValue()).get("content");
                    if (content == null || "204".equals(response.getKey())) {
                        continue;
                    }
                    Map<?, ?> first = (Map<?, ?>) content.values().iterator().next();
                    assertTrue(first.containsKey("examples") || first.containsKey("schema"),
                            method + " " + path + " " + response.getKey());
                }
                Map<?, ?> ok = (Map<?, ?>) responses.get(method.equals("delete") ? "204" : "200");
                assertTrue(ok != null, method + " " + path + " documents its success");
                if (!method.equals("delete")) {
                    Map<?, ?> json = (Map<?, ?>) ((Map<?, ?>) ok.get("content")).get("application/json");
                    assertTrue(json.containsKey("examples"), method + " " + path + " has an example");
                }
            }
        });
    }

    private static double num(Map<String, Object> point, String key) {
        return ((Number) point.get(key)).doubleValue();
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(Set.of("vectors.tsv", "metadata.tsv"), files.keySet());
        return files;
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    private static Map<String, Object> item(String id, String text) {
        return Map.of("id", id, "text", text);
    }

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    private static RequestSpecification as(String user) {
        return TestIdentity.as(user, Roles.USER).contentType(ContentType.JSON);
    }
}
