package ai.datasuite.gateway.product;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

import ai.datasuite.gateway.support.FakeClassify;
import ai.datasuite.gateway.support.FakeCollections;
import ai.datasuite.gateway.support.FakeProductFiles;
import ai.datasuite.gateway.support.FakeProducts;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.InjectFakes;

/**
 * The public /api/v1/products: import (metadata stores, a job writes Parquet and indexes), categorize (zero-shot,
 * few-shot, auto, llm), exploring, the pass-throughs and delete, against fakes of the four services.
 */
@QuarkusTest
@TestProfile(ProductProfile.class)
class ProductsTest {

    static final String LABELLED = """
            title,description,category
            Trail Backpack,For hiking,Sports
            Leather Wallet,,Clothing
            Running Shoes,Light and fast,Sports
            Cook Book,Recipes,Books
            Wool Scarf,Warm,Clothing
            """;
    static final String UNLABELLED = """
            title,description
            Desk Lamp,Bright
            Stapler,
            Notebook,Lined paper
            """;

    @InjectFakes
    FakeServices fakes;

    private ProductFakes data;

    @BeforeEach
    void plug() {
        data = ProductFakes.plug(fakes);
    }

    private Response importCsv(String key, String fileName, String csv, Map<String, String> fields) {
        var request = Gateway.withKey(key).multiPart("file", fileName, csv.getBytes(StandardCharsets.UTF_8),
                "text/csv");
        fields.forEach(request::multiPart);
        return request.post("/api/v1/products/import");
    }

    /** Imports and waits for the import job; returns the catalog id. */
    private long imported(String key, String csv) {
        Response response = importCsv(key, "products.csv", csv, Map.of());
        response.then().statusCode(202);
        JsonPath job = ProductFakes.awaitEnd(key, response.path("id"));
        assertEquals("succeeded", job.getString("status"), job.prettify());
        return job.getLong("catalog_id");
    }

    private JsonPath categorized(String key, String body) {
        Response response = Gateway.withKey(key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/products/categorize");
        response.then().statusCode(202).body("kind", equalTo("categorize"));
        return ProductFakes.awaitEnd(key, response.path("id"));
    }

    @Test
    void importAnswers202ThenItsJobWritesTheParquetAndIndexesInBatches() {
        Response response = importCsv(data.pia(), "retail demo.csv", LABELLED, Map.of("on_error", "skip"));
        response.then().statusCode(202).body("kind", equalTo("import")).body("total", equalTo(5));
        String jobId = response.path("id");
        assertEquals("/api/v1/products/jobs/" + jobId, java.net.URI.create(response.header("Location")).getPath());
        FakeProducts.Import sent = data.metadata().imports.get(data.metadata().imports.size() - 1);
        assertEquals("pia", sent.user());
        assertTrue(sent.query().contains("name=retail%20demo") || sent.query().contains("name=retail+demo"),
                sent.query());
        assertTrue(sent.query().contains("format=csv") && sent.query().contains("on_error=skip"), sent.query());
        assertEquals(LABELLED, sent.body());

        JsonPath job = ProductFakes.awaitEnd(data.pia(), jobId);
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals("index", job.getString("stage"));
        assertEquals(5, job.getInt("done"));
        long catalogId = job.getLong("catalog_id");

        String fileId = data.metadata().catalogs.get(catalogId).parquetFileId;
        assertNotNull(fileId, "the PATCH recorded the Parquet file");
        FakeProductFiles.Stored stored = data.files().files.get(fileId);
        assertEquals("pia", stored.owner());
        assertEquals("retail_demo-v1.parquet", stored.name());
        assertEquals(FakeProducts.PARQUET + catalogId, new String(stored.bytes(), StandardCharsets.UTF_8));

        FakeCollections.Collection collection = data.retrieval().collections.get("catalog-" + catalogId);
        assertEquals("pia", collection.owner());
        assertEquals(5, collection.items().size());
        JsonObject first = collection.items().values().iterator().next();
        assertEquals("Trail Backpack. For hiking", first.getString("text"));
        assertEquals("Sports", first.getJsonObject("payload").getString("category"));
        assertEquals("Leather Wallet", collection.items().values().stream().skip(1).findFirst().orElseThrow()
                .getString("text"), "no description: just the title");

        // the Parquet download streams the stored file
        byte[] parquet = Gateway.withKey(data.pia()).get("/api/v1/products/catalogs/" + catalogId + "/parquet")
                .then().statusCode(200).contentType("application/vnd.apache.parquet")
                .header("Content-Disposition", containsString("retail_demo-v1.parquet")).extract().asByteArray();
        assertArrayEquals(stored.bytes(), parquet);
    }

    @Test
    void indexBatchesFollowThePagesAndTheBatchSize() {
        int before = data.retrieval().batches.size();
        imported(data.pia(), LABELLED);
        // pages of 3 (gateway.products.page-size), batches of at most 2 (gateway.products.index-batch)
        assertEquals(List.of(2, 1, 2), data.retrieval().batches.subList(before, before + 3));
    }

    @Test
    void theParquetIsWrittenOnDownloadWhenTheCatalogHasNone() {
        long catalogId = imported(data.pia(), UNLABELLED);
        FakeProducts.Catalog catalog = data.metadata().catalogs.get(catalogId);
        data.files().files.remove(catalog.parquetFileId);
        catalog.parquetFileId = null;
        int reads = data.metadata().parquetReads.size();
        String body = Gateway.withKey(data.pia()).get("/api/v1/products/catalogs/" + catalogId + "/parquet").then()
                .statusCode(200).extract().asString();
        assertEquals(FakeProducts.PARQUET + catalogId, body);
        assertEquals(reads + 1, data.metadata().parquetReads.size());
        assertNotNull(catalog.parquetFileId);
    }

    @Test
    void aParquetFileIngestRefusesFailsTheJobButTheProductsAreIndexed() {
        data.files().refuseUploads = true;
        try {
            Response response = importCsv(data.pia(), "refused.csv", UNLABELLED, Map.of());
            response.then().statusCode(202);
            JsonPath job = ProductFakes.awaitEnd(data.pia(), response.path("id"));
            assertEquals("failed", job.getString("status"), job.prettify());
            assertTrue(job.getString("error").contains("3 products are indexed, but the Parquet file could not be"
                    + " stored: the file's type is not accepted"), job.getString("error"));
            long catalogId = job.getLong("catalog_id");
            assertEquals(3, data.retrieval().collections.get("catalog-" + catalogId).items().size());
            assertEquals(null, data.metadata().catalogs.get(catalogId).parquetFileId);
        } finally {
            data.files().refuseUploads = false;
        }
    }

    @Test
    void badRowsComeBackAsMetadataWroteThemAndNoJobStarts() {
        int jobs = Gateway.withKey(data.pia()).get("/api/v1/products/jobs").then().statusCode(200).extract()
                .jsonPath().getList("items").size();
        importCsv(data.pia(), "bad.csv", "title,description\nGood,x\nBAD,y\n", Map.of()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:invalid-rows"))
                .body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("title"))
                .body("error_count", equalTo(1));
        assertEquals(jobs, Gateway.withKey(data.pia()).get("/api/v1/products/jobs").then().extract().jsonPath()
                .getList("items").size());
    }

    @Test
    void badFormsAre400413And415() {
        int before = data.metadata().imports.size();
        importCsv(data.pia(), "big.csv", "title\n" + "x".repeat(3000) + "\n", Map.of()).then().statusCode(413)
                .body("type", equalTo("urn:ai-data-suite:problem:payload-too-large"))
                .body("detail", containsString("gateway.products.max-import-bytes"));
        Gateway.withKey(data.pia()).multiPart("file", "report.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8),
                "application/pdf").post("/api/v1/products/import").then().statusCode(415)
                .body("type", equalTo("urn:ai-data-suite:problem:unsupported-media-type"));
        importCsv(data.pia(), "p.csv", UNLABELLED, Map.of("on_error", "explode")).then().statusCode(400)
                .body("detail", containsString("on_error"));
        importCsv(data.pia(), "p.csv", UNLABELLED, Map.of("mapping", "[1, 2]")).then().statusCode(400)
                .body("detail", containsString("mapping"));
        Gateway.withKey(data.pia()).multiPart("name", "no-file").post("/api/v1/products/import").then()
                .statusCode(400).body("detail", containsString("'file'"));
        assertEquals(before, data.metadata().imports.size(), "nothing reached metadata");
    }

    @Test
    void autoIsZeroShotWithoutTrueCategoriesAndUsesTheDefaultList() {
        long catalogId = imported(data.pia(), UNLABELLED);
        int calls = data.inference().calls.size();
        JsonPath job = categorized(data.pia(), "{\"catalog_id\": " + catalogId + "}");
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(3, job.getInt("done"));
        List<FakeClassify.Call> made = data.inference().calls.subList(calls, data.inference().calls.size());
        assertEquals(2, made.size(), "3 texts in batches of 2");
        assertTrue(made.stream().allMatch(c -> c.mode().equals("zero-shot") && c.user().equals("pia")));
        JsonObject first = made.get(0).body();
        assertEquals(List.of("Desk Lamp. Bright", "Stapler"), first.getJsonArray("texts").getList());
        assertEquals(List.of("Books", "Clothing", "Sports"), first.getJsonArray("labels").getList());
        assertEquals("All about Books", first.getJsonObject("label_descriptions").getString("Books"));

        List<FakeProducts.Predictions> written = data.metadata().predictions.stream()
                .filter(p -> p.catalogId() == catalogId).toList();
        assertEquals(3, written.stream().mapToInt(p -> p.body().getJsonArray("predictions").size()).sum());
        assertEquals("zero-shot", written.get(0).body().getString("mode"));
        assertEquals("e5-small-v2-q/zero-shot@0badc0de", written.get(0).body().getString("model_version"));
        assertEquals("Books", written.get(0).body().getJsonArray("predictions").getJsonObject(0)
                .getString("category"));
    }

    @Test
    void givenCategoriesGoAsLabelsWithTheirDescriptions() {
        long catalogId = imported(data.pia(), UNLABELLED);
        int calls = data.inference().calls.size();
        categorized(data.pia(), "{\"catalog_id\": " + catalogId + ", \"mode\": \"zero-shot\", \"categories\":"
                + " [{\"name\": \"office\", \"description\": \"desks and paper\"}, \"home\"]}");
        JsonObject body = data.inference().calls.get(calls).body();
        assertEquals(List.of("office", "home"), body.getJsonArray("labels").getList());
        assertEquals(Map.of("office", "desks and paper"), body.getJsonObject("label_descriptions").getMap());
        Gateway.withKey(data.pia()).contentType(ContentType.JSON).body("{\"catalog_id\": " + catalogId
                + ", \"categories\": [\"only-one\"]}").post("/api/v1/products/categorize").then().statusCode(400);
        Gateway.withKey(data.pia()).contentType(ContentType.JSON).body("{\"catalog_id\": " + catalogId
                + ", \"mode\": \"magic\"}").post("/api/v1/products/categorize").then().statusCode(400)
                .body("detail", containsString("mode must be one of"));
        Gateway.withKey(data.pia()).contentType(ContentType.JSON).body("{}").post("/api/v1/products/categorize")
                .then().statusCode(400).body("detail", containsString("catalog_id is required"));
    }

    @Test
    void autoIsFewShotWithTrueCategoriesTakingExamplesPerCategory() {
        long catalogId = imported(data.pia(), LABELLED);
        int calls = data.inference().calls.size();
        JsonPath job = categorized(data.pia(), "{\"catalog_id\": " + catalogId + ", \"mode\": \"auto\"}");
        assertEquals("succeeded", job.getString("status"), job.prettify());
        List<FakeClassify.Call> made = data.inference().calls.subList(calls, data.inference().calls.size());
        assertEquals(3, made.size(), "5 texts in batches of 2");
        assertTrue(made.stream().allMatch(c -> c.mode().equals("few-shot")));
        // one labelled product per category (gateway.products.few-shot-per-category=1), drawn by its id's rank
        Set<Map<String, Object>> possible = Set.of(Map.of("text", "Trail Backpack. For hiking", "label", "Sports"),
                Map.of("text", "Running Shoes. Light and fast", "label", "Sports"),
                Map.of("text", "Leather Wallet", "label", "Clothing"), Map.of("text", "Wool Scarf. Warm",
                        "label", "Clothing"), Map.of("text", "Cook Book. Recipes", "label", "Books"));
        List<Map<String, Object>> examples = made.get(0).body().getJsonArray("examples").getList();
        assertEquals(3, examples.size(), examples.toString());
        assertTrue(possible.containsAll(examples), examples.toString());
        assertEquals(Set.of("Sports", "Clothing", "Books"),
                examples.stream().map(e -> e.get("label")).collect(java.util.stream.Collectors.toSet()));
        assertTrue(made.stream().allMatch(c -> c.body().getJsonArray("examples").getList().equals(examples)),
                "every batch gets the same examples (one head)");
        FakeProducts.Predictions last = data.metadata().predictions.get(data.metadata().predictions.size() - 1);
        assertEquals("few-shot", last.body().getString("mode"));
        assertEquals(5, data.metadata().catalogs.get(catalogId).products.stream()
                .filter(p -> p.getJsonObject("predicted") != null).count());
    }

    @Test
    void llmWithoutAnLlmIs409AndFewShotWithoutLabelsIs400() {
        long catalogId = imported(data.pia(), UNLABELLED);
        Gateway.withKey(data.pia()).contentType(ContentType.JSON).body("{\"catalog_id\": " + catalogId
                + ", \"mode\": \"llm\"}").post("/api/v1/products/categorize").then().statusCode(409)
                .body("type", equalTo("urn:ai-data-suite:problem:llm-not-configured"))
                .body("detail", containsString("SUITE_LLM_API_KEY"));
        Gateway.withKey(data.pia()).contentType(ContentType.JSON).body("{\"catalog_id\": " + catalogId
                + ", \"mode\": \"few-shot\"}").post("/api/v1/products/categorize").then().statusCode(400)
                .body("detail", containsString("has none"));
    }

    @Test
    void aSecondCategorizeOfTheSameCatalogIs409WhileTheFirstRuns() {
        long catalogId = imported(data.pia(), "title\nSLOW lamp\nSLOW desk\n");
        String body = "{\"catalog_id\": " + catalogId + ", \"mode\": \"zero-shot\"}";
        String first = Gateway.withKey(data.pia()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/products/categorize").then().statusCode(202).extract().path("id");
        Gateway.withKey(data.pia()).contentType(ContentType.JSON).body(body).post("/api/v1/products/categorize")
                .then().statusCode(409).body("type", equalTo("urn:ai-data-suite:problem:conflict"))
                .body("detail", containsString("running on catalog " + catalogId));
        assertEquals("succeeded", ProductFakes.awaitEnd(data.pia(), first).getString("status"));
        categorized(data.pia(), body);
    }

    @Test
    void jobsAndCatalogsOfAnotherUserAre404() {
        long catalogId = imported(data.pia(), UNLABELLED);
        String job = categorized(data.pia(), "{\"catalog_id\": " + catalogId + "}").getString("id");
        Gateway.withKey(data.otto()).get("/api/v1/products/jobs/" + job).then().statusCode(404)
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"));
        assertFalse(Gateway.withKey(data.otto()).get("/api/v1/products/jobs").then().statusCode(200).extract()
                .jsonPath().getList("items.id").contains(job));
        assertTrue(Gateway.withKey(data.pia()).get("/api/v1/products/jobs").then().extract().jsonPath()
                .getList("items.id").contains(job));
        Gateway.asAdmin().get("/api/v1/products/jobs/" + job).then().statusCode(200);

        long productId = data.metadata().catalogs.get(catalogId).products.get(0).getLong("id");
        for (String path : List.of("/catalogs/" + catalogId, "/catalogs/" + catalogId + "/products",
                "/catalogs/" + catalogId + "/parquet", "/catalogs/" + catalogId + "/projection",
                "/catalogs/" + catalogId + "/word-map", "/" + productId, "/" + productId + "/similar")) {
            Gateway.withKey(data.otto()).get("/api/v1/products" + path).then().statusCode(404);
        }
        Gateway.withKey(data.otto()).contentType(ContentType.JSON).body("{\"catalog_id\": " + catalogId + "}")
                .post("/api/v1/products/categorize").then().statusCode(404);
        Gateway.withKey(data.otto()).delete("/api/v1/products/catalogs/" + catalogId).then().statusCode(404);
        assertTrue(data.metadata().catalogs.containsKey(catalogId));
    }

    @Test
    void similarMapsTheCollectionsIdsToProducts() {
        long catalogId = imported(data.pia(), LABELLED);
        List<JsonObject> products = data.metadata().catalogs.get(catalogId).products;
        long id = products.get(0).getLong("id");
        JsonPath similar = Gateway.withKey(data.pia()).get("/api/v1/products/" + id + "/similar?k=2").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(id, similar.getLong("product_id"));
        assertEquals(2, similar.getList("neighbours").size());
        assertEquals(products.get(1).getLong("id"), similar.getLong("neighbours[0].product_id"));
        assertEquals("Leather Wallet", similar.getString("neighbours[0].title"));
        assertEquals("Clothing", similar.getString("neighbours[0].category"));
        assertEquals(0.9, similar.getDouble("neighbours[0].score"), 1e-9);
        Gateway.withKey(data.pia()).get("/api/v1/products/" + id + "/similar?k=6").then().statusCode(400)
                .body("detail", containsString("gateway.products.similar-max-k"));
        Gateway.withKey(data.pia()).get("/api/v1/products/999999/similar").then().statusCode(404);
    }

    @Test
    void projectionsPassTheLabelsAndTheFormat() {
        long catalogId = imported(data.pia(), LABELLED);
        String base = "/api/v1/products/catalogs/" + catalogId + "/projection";
        int before = data.retrieval().drawn.size();
        Gateway.withKey(data.pia()).get(base + "?color=true").then().statusCode(200)
                .contentType(ContentType.JSON).body("method", equalTo("t-SNE"));
        FakeCollections.Drawn json = data.retrieval().drawn.get(before);
        assertEquals("catalog-" + catalogId, json.collection());
        assertEquals("application/json", json.accept());
        long first = data.metadata().catalogs.get(catalogId).products.get(0).getLong("id");
        assertEquals("Sports", json.body().getJsonObject("labels").getString(Long.toString(first)));
        assertEquals(5, json.body().getJsonObject("labels").size());

        byte[] png = Gateway.withKey(data.pia()).get(base + "?format=png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertEquals('P', png[1]);
        assertEquals(0, data.retrieval().drawn.get(before + 1).body().getJsonObject("labels").size(),
                "color=predicted (default): nothing categorized yet");
        Gateway.withKey(data.pia()).accept("image/png").get(base).then().statusCode(200).contentType("image/png");
        Gateway.withKey(data.pia()).get(base + "/projector.zip").then().statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", containsString("catalog-" + catalogId + "-projector.zip"));
        assertEquals("application/zip", data.retrieval().drawn.get(data.retrieval().drawn.size() - 1).accept());
        Gateway.withKey(data.pia()).get(base + "?color=blue").then().statusCode(400);
        Gateway.withKey(data.pia()).get(base + "?format=gif").then().statusCode(400);

        String words = "/api/v1/products/catalogs/" + catalogId + "/word-map";
        Gateway.withKey(data.pia()).get(words + "?words=50").then().statusCode(200)
                .body("request.words", equalTo(50));
        Gateway.withKey(data.pia()).get(words + "?format=png").then().statusCode(200).contentType("image/png");
        Gateway.withKey(data.pia()).get(words + "/projector.zip").then().statusCode(200)
                .contentType("application/zip");
        assertEquals("word-map", data.retrieval().drawn.get(data.retrieval().drawn.size() - 1).kind());
    }

    @Test
    void catalogReadsPassThroughAsMetadataAnswers() {
        long catalogId = imported(data.pia(), LABELLED);
        String base = "/api/v1/products/catalogs/" + catalogId;
        Gateway.withKey(data.pia()).get(base).then().statusCode(200).body("id", equalTo((int) catalogId))
                .body("row_count", equalTo(5)).body("owner", equalTo("pia"));
        Gateway.withKey(data.pia()).get("/api/v1/products/catalogs").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem((int) catalogId));
        Gateway.withKey(data.pia()).get(base + "/products?page=1&size=2").then().statusCode(200)
                .body("items[0].title", equalTo("Running Shoes")).body("total", equalTo(5));
        long productId = data.metadata().catalogs.get(catalogId).products.get(0).getLong("id");
        Gateway.withKey(data.pia()).get("/api/v1/products/" + productId).then().statusCode(200)
                .body("title", equalTo("Trail Backpack"));
        Gateway.withKey(data.pia()).get(base + "/dictionary").then().statusCode(200)
                .body("catalog_id", equalTo((int) catalogId));
        Gateway.withKey(data.pia()).get(base + "/dictionary.yaml").then().statusCode(200)
                .contentType(startsWith("text/yaml")).body(containsString("file: dictionary.yaml"));
        Gateway.withKey(data.pia()).get(base + "/schema.yaml").then().statusCode(200)
                .body(containsString("file: schema.yaml"));
        Gateway.withKey(data.pia()).get("/api/v1/products/categories/counts?catalog_id=" + catalogId).then()
                .statusCode(200).body("total", equalTo(5)).body("source", equalTo("predicted"));
        Gateway.withKey(data.pia()).accept("image/png").get("/api/v1/products/categories/counts?catalog_id="
                + catalogId).then().statusCode(200).contentType("image/png");
        Gateway.withKey(data.pia()).get("/api/v1/products/category-lists/default").then().statusCode(200)
                .body("categories.name", org.hamcrest.Matchers.hasItem("Books"));
        Gateway.withKey(data.pia()).get("/api/v1/products/category-lists/nope").then().statusCode(404);
        Gateway.withKey(data.pia()).contentType(ContentType.JSON).body("{\"description\": \"The shop's name\"}")
                .put(base + "/dictionary/title").then().statusCode(200).body("description", equalTo("The shop's name"));
        Gateway.withKey(data.pia()).contentType(ContentType.JSON).body("{\"description\": \"x\"}")
                .put(base + "/dictionary/nope").then().statusCode(404);
        Gateway.withKey(data.pia()).get("/api/v1/products/category-lists").then().statusCode(200)
                .body("items[0].name", equalTo("default"));
        Gateway.withKey(data.pia()).contentType(ContentType.JSON).body("{\"categories\": [{\"name\": \"a\"},"
                + " {\"name\": \"b\"}]}").put("/api/v1/products/category-lists/shop").then().statusCode(200)
                .body("owner", equalTo("pia")).body("categories.name", equalTo(List.of("a", "b")));
        Gateway.withKey(data.pia()).contentType(ContentType.JSON).body("{\"categories\": []}")
                .put("/api/v1/products/category-lists/default").then().statusCode(409);
        Gateway.withKey(data.pia()).delete("/api/v1/products/category-lists/shop").then().statusCode(204);
        Gateway.withKey(data.pia()).delete("/api/v1/products/category-lists/default").then().statusCode(409);
    }

    @Test
    void deleteRemovesTheCatalogItsParquetObjectAndItsCollection() {
        long catalogId = imported(data.pia(), UNLABELLED);
        String fileId = data.metadata().catalogs.get(catalogId).parquetFileId;
        Gateway.withKey(data.pia()).delete("/api/v1/products/catalogs/" + catalogId).then().statusCode(204);
        assertFalse(data.metadata().catalogs.containsKey(catalogId));
        assertTrue(data.files().deleted.contains(fileId));
        assertFalse(data.files().files.containsKey(fileId));
        assertTrue(data.retrieval().deleted.contains("catalog-" + catalogId));
        Gateway.withKey(data.pia()).delete("/api/v1/products/catalogs/" + catalogId).then().statusCode(404);
    }

    @Test
    void deleteIsFineWithoutAParquetObjectOrACollection() {
        long catalogId = imported(data.pia(), UNLABELLED);
        FakeProducts.Catalog catalog = data.metadata().catalogs.get(catalogId);
        data.files().files.remove(catalog.parquetFileId);
        data.retrieval().collections.remove("catalog-" + catalogId);
        Gateway.withKey(data.pia()).delete("/api/v1/products/catalogs/" + catalogId).then().statusCode(204);
        assertFalse(data.metadata().catalogs.containsKey(catalogId));
    }

    @Test
    void everyEndpointNeedsAKey() {
        for (String path : List.of("/jobs", "/jobs/x", "/catalogs", "/catalogs/1", "/1", "/1/similar",
                "/catalogs/1/projection", "/category-lists", "/categories/counts?catalog_id=1")) {
            RestAssured.given().get("/api/v1/products" + path).then().statusCode(401)
                    .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"));
        }
        RestAssured.given().contentType(ContentType.JSON).body("{}").post("/api/v1/products/categorize").then()
                .statusCode(401);
        RestAssured.given().multiPart("file", "a.csv", "title\nx\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/products/import").then().statusCode(401);
    }

    @Test
    void everyEndpointIsInThePublicOpenApiWithAnExample() {
        JsonPath document = RestAssured.given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        String p = "/api/v1/products";
        Map<String, String> withExamples = new java.util.LinkedHashMap<>();
        withExamples.put("post " + p + "/import", "202");
        withExamples.put("post " + p + "/categorize", "202");
        for (String path : List.of("/jobs", "/jobs/{id}", "/catalogs", "/catalogs/{id}", "/catalogs/{id}/products",
                "/{productId}", "/{productId}/similar", "/catalogs/{id}/dictionary", "/catalogs/{id}/dictionary.yaml",
                "/catalogs/{id}/schema.yaml", "/catalogs/{id}/projection", "/catalogs/{id}/word-map",
                "/categories/counts", "/category-lists", "/category-lists/{name}")) {
            withExamples.put("get " + p + path, "200");
        }
        withExamples.put("put " + p + "/catalogs/{id}/dictionary/{column}", "200");
        withExamples.put("put " + p + "/category-lists/{name}", "200");
        withExamples.forEach((operation, status) -> {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            assertTrue(paths.containsKey(path) && paths.get(path).containsKey(method), operation + " in "
                    + paths.keySet());
            Map<String, Object> content = document.getMap("paths.'" + path + "'." + method + ".responses.'"
                    + status + "'.content");
            assertTrue(content.values().stream().anyMatch(media -> ((Map<?, ?>) media).containsKey("examples")),
                    operation + " has an example: " + content);
        });
        for (String operation : List.of("get " + p + "/catalogs/{id}/parquet", "delete " + p + "/catalogs/{id}",
                "get " + p + "/catalogs/{id}/projection/projector.zip", "get " + p + "/catalogs/{id}/word-map/projector.zip",
                "delete " + p + "/category-lists/{name}")) {
            String path = operation.substring(operation.indexOf(' ') + 1);
            assertTrue(paths.containsKey(path) && paths.get(path).containsKey(operation.substring(0,
                    operation.indexOf(' '))), operation + " in " + paths.keySet());
        }
        assertEquals("urn:ai-data-suite:problem:llm-not-configured", document.getString("paths.'" + p
                + "/categorize'.post.responses.'409'.content.'application/problem+json'.examples.'no LLM'.value.type"));
    }
}
