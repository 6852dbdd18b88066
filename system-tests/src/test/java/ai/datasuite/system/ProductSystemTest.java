package ai.datasuite.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Product catalog analytics end to end (issue 14), through the gateway only, on the packaged services with embedded
 * defaults: a slice of the retail demo catalog imported as CSV (header detected), its Parquet file read back with
 * DuckDB, the data dictionary with an edited description in its YAML export, few-shot categorization as a job with
 * progress, the SQL count per category and its chart, similar products, the t-SNE projection, the word map and its
 * Embedding Projector export; the messy Flipkart excerpt (JSON in a cell) categorized zero-shot with the default list;
 * bad rows refused with their row numbers; another user sees none of it; a deleted catalog is gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductSystemTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ADMIN_KEY = "ads_admin_" + UUID.randomUUID().toString().replace("-", "");
    /** How long an import or categorize job may take on a busy machine (-Dsystem-tests.product-seconds). */
    static final int JOB_SECONDS = Integer.getInteger("system-tests.product-seconds", 300);
    /** Every n-th product of the 2,465 keeps the test short while every large category stays in. */
    static final int EVERY = 6;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path DATASETS = Path.of("..", "datasets").toAbsolutePath().normalize();

    static RunningSuite suite;
    static String gateway;
    static SuiteHttp http;
    static String aliceKey;
    static String bobKey;
    static byte[] retailSlice;
    static int retailRows;
    static long catalog;
    static long flipkart;

    @BeforeAll
    static void start() throws Exception {
        suite = new RunningSuite();
        gateway = suite.startFront(ADMIN_KEY, 16, List.of()).gateway();
        http = new SuiteHttp(Duration.ofSeconds(180));
        aliceKey = key("alice-" + RUN, "user");
        bobKey = key("bob-" + RUN, "user");
        List<String> lines = Files.readAllLines(DATASETS.resolve("retail-demo-store-products/products.csv"));
        StringBuilder slice = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i += EVERY) {
            slice.append(lines.get(i)).append('\n'); // no field of this file holds a newline (its README)
            retailRows++;
        }
        retailSlice = slice.toString().getBytes(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void aCsvCatalogIsImportedAsOneVersionAndWrittenAsParquet() throws Exception {
        SuiteHttp.Answer accepted = http.postFile(http.withKey(aliceKey, gateway + "/api/v1/products/import"),
                "products.csv", "text/csv", retailSlice, Map.of("name", "retail-" + RUN));
        assertEquals(202, accepted.status(), accepted.text());
        JsonNode job = finish(JSON.readTree(accepted.body()));
        catalog = job.path("catalog_id").asLong();

        JsonNode view = ok(http.get(http.withKey(aliceKey, gateway + "/api/v1/products/catalogs/" + catalog)));
        assertEquals(retailRows, view.path("row_count").asInt(), view.toString());
        assertEquals(1, view.path("version").asInt(), view.toString());
        assertEquals("title", view.path("mapping").path("title").asText(), view.toString());
        assertEquals("category", view.path("mapping").path("category").asText(), view.toString());
        assertFalse(view.path("parquet_file_id").isNull(), "the job stored the Parquet file: " + view);

        SuiteHttp.Answer parquet = http.get(http.withKey(aliceKey,
                gateway + "/api/v1/products/catalogs/" + catalog + "/parquet"));
        assertEquals(200, parquet.status(), parquet.text());
        assertArrayEquals("PAR1".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(parquet.body(), 4));
        Path file = Files.createTempFile("catalog", ".parquet");
        try {
            Files.write(file, parquet.body());
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                 Statement sql = duck.createStatement()) {
                Map<String, String> types = new HashMap<>();
                try (ResultSet columns = sql.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
                    while (columns.next()) {
                        types.put(columns.getString("column_name"), columns.getString("column_type"));
                    }
                }
                assertEquals("VARCHAR", types.get("title"), types.toString());
                assertEquals("DECIMAL(14,2)", types.get("price"), types.toString());
                assertEquals("INTEGER", types.get("row_number"), types.toString());
                try (ResultSet rows = sql.executeQuery("SELECT count(*), count(DISTINCT category), "
                        + "min(row_number), max(row_number) FROM read_parquet('" + file + "')")) {
                    rows.next();
                    assertEquals(retailRows, rows.getInt(1));
                    assertTrue(rows.getInt(2) >= 15, "categories kept: " + rows.getInt(2));
                    assertEquals(1, rows.getInt(3));
                    assertEquals(retailRows, rows.getInt(4));
                }
                try (ResultSet first = sql.executeQuery("SELECT title, price, category FROM read_parquet('" + file
                        + "') WHERE row_number = 1")) {
                    first.next();
                    assertEquals("Adventure-Ready Expedition Backpack", first.getString(1));
                    assertEquals(new java.math.BigDecimal("129.99"), first.getBigDecimal(2));
                    assertEquals("accessories", first.getString(3));
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @Order(2)
    void theDataDictionaryDescribesEveryColumnAndKeepsAnEditedDescription() throws Exception {
        String base = gateway + "/api/v1/products/catalogs/" + catalog;
        JsonNode dictionary = ok(http.get(http.withKey(aliceKey, base + "/dictionary")));
        JsonNode title = column(dictionary, "title");
        assertEquals(0, title.path("null_count").asInt(), title.toString());
        assertTrue(title.path("distinct_count").asInt() > retailRows / 2, title.toString());
        assertTrue(title.path("min_length").asInt() > 0, title.toString());
        assertTrue(title.path("examples").size() > 0, title.toString());
        JsonNode price = column(dictionary, "price");
        assertTrue(price.path("max").asDouble() > price.path("min").asDouble(), price.toString());

        String words = "What the shopper sees first, " + RUN;
        SuiteHttp.Answer put = http.send(http.withKey(aliceKey, base + "/dictionary/title")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("description", words)))));
        assertEquals(200, put.status(), put.text());
        SuiteHttp.Answer yaml = http.get(http.withKey(aliceKey, base + "/dictionary.yaml"));
        assertEquals(200, yaml.status(), yaml.text());
        assertTrue(yaml.text().contains(words), yaml.text());
        assertTrue(new YAMLMapper().readTree(yaml.body()).isContainerNode(), "valid YAML: " + yaml.text());
        SuiteHttp.Answer schema = http.get(http.withKey(aliceKey, base + "/schema.yaml"));
        assertEquals(200, schema.status(), schema.text());
        assertTrue(schema.text().contains("price"), schema.text());

        SuiteHttp.Answer unknown = http.send(http.withKey(aliceKey, base + "/dictionary/no_such_column")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"description\":\"x\"}")));
        assertEquals(404, unknown.status(), unknown.text());
    }

    @Test
    @Order(3)
    void fewShotCategorizationLabelsEveryProductAndSqlCountsThem() throws Exception {
        SuiteHttp.Answer accepted = http.postJson(http.withKey(aliceKey, gateway + "/api/v1/products/categorize"),
                "{\"catalog_id\":" + catalog + ",\"mode\":\"few-shot\"}");
        assertEquals(202, accepted.status(), accepted.text());
        JsonNode job = finish(JSON.readTree(accepted.body()));
        assertEquals(retailRows, job.path("total").asInt(), job.toString());

        JsonNode counts = ok(http.get(http.withKey(aliceKey,
                gateway + "/api/v1/products/categories/counts?catalog_id=" + catalog)));
        assertTrue(counts.path("sql").asText().toUpperCase().contains("GROUP BY"), counts.toString());
        int sum = 0;
        for (JsonNode count : counts.path("counts")) {
            assertNotEquals("(uncategorized)", count.path("category").asText(), counts.toString());
            sum += count.path("count").asInt();
        }
        assertEquals(retailRows, sum, counts.toString());

        // The predictions agree with the true categories on most products (the few-shot examples are among them).
        int right = 0;
        int seen = 0;
        for (int page = 0; seen < retailRows; page++) {
            JsonNode products = ok(http.get(http.withKey(aliceKey, gateway + "/api/v1/products/catalogs/" + catalog
                    + "/products?size=500&page=" + page)));
            if (products.path("items").isEmpty()) {
                break;
            }
            for (JsonNode product : products.path("items")) {
                seen++;
                JsonNode predicted = product.path("predicted");
                assertEquals("few-shot", predicted.path("mode").asText(), product.toString());
                assertFalse(predicted.path("model_version").asText().isBlank(), product.toString());
                if (product.path("category").asText().equals(predicted.path("category").asText())) {
                    right++;
                }
            }
        }
        assertEquals(retailRows, seen);
        assertTrue(right >= 0.8 * retailRows, "few-shot right on " + right + " of " + retailRows);

        SuiteHttp.Answer png = http.get(http.withKey(aliceKey,
                gateway + "/api/v1/products/categories/counts?format=png&catalog_id=" + catalog));
        assertEquals(200, png.status(), png.text());
        assertPng(png.body());
    }

    @Test
    @Order(4)
    void similarProductsComeFromTheIndexAndTheProjectionsDrawTheCatalog() throws Exception {
        JsonNode products = ok(http.get(http.withKey(aliceKey,
                gateway + "/api/v1/products/catalogs/" + catalog + "/products?size=20")));
        int sameCategory = 0;
        int neighbours = 0;
        for (JsonNode product : products.path("items")) {
            long id = product.path("id").asLong();
            JsonNode similar = ok(http.get(http.withKey(aliceKey, gateway + "/api/v1/products/" + id + "/similar?k=3")));
            assertEquals(3, similar.path("neighbours").size(), similar.toString());
            for (JsonNode neighbour : similar.path("neighbours")) {
                assertNotEquals(id, neighbour.path("product_id").asLong(), "itself is left out: " + similar);
                neighbours++;
                if (product.path("category").asText().equals(neighbour.path("category").asText())) {
                    sameCategory++;
                }
            }
        }
        assertTrue(sameCategory >= neighbours * 0.6, sameCategory + " of " + neighbours + " in the same category");

        String base = gateway + "/api/v1/products/catalogs/" + catalog;
        JsonNode projection = ok(http.get(http.withKey(aliceKey, base + "/projection?color=true")));
        assertEquals(retailRows, projection.path("points").size(), "every product is drawn");
        Set<String> labels = new HashSet<>();
        projection.path("points").forEach(point -> labels.add(point.path("label").asText()));
        assertTrue(labels.size() >= 15, labels.toString());
        assertPng(http.get(http.withKey(aliceKey, base + "/projection?format=png")).body());

        JsonNode words = ok(http.get(http.withKey(aliceKey, base + "/word-map?words=50")));
        assertEquals(50, words.path("words").size(), words.toString());
        List<String> list = new ArrayList<>();
        words.path("words").forEach(word -> list.add(word.path("word").asText()));
        assertFalse(list.contains("the") || list.contains("and"), "stop words are left out: " + list);
        assertPng(http.get(http.withKey(aliceKey, base + "/word-map?words=50&format=png")).body());

        SuiteHttp.Answer zip = http.get(http.withKey(aliceKey, base + "/word-map/projector.zip?words=50"));
        assertEquals(200, zip.status(), zip.text());
        Map<String, List<String>> entries = unzip(zip.body());
        assertEquals(50, entries.get("vectors.tsv").size(), entries.keySet().toString());
        assertEquals(384, entries.get("vectors.tsv").get(0).split("\t").length);
        assertEquals(51, entries.get("metadata.tsv").size(), "a header and one row per word");
    }

    @Test
    @Order(5)
    void theMessyFlipkartFileParsesAndIsCategorizedZeroShotWithTheDefaultList() throws Exception {
        byte[] file = Files.readAllBytes(DATASETS.resolve("flipkart-products-excerpt/flipkart_com-ecommerce_sample_first48.csv"));
        SuiteHttp.Answer accepted = http.postFile(http.withKey(aliceKey, gateway + "/api/v1/products/import"),
                "flipkart.csv", "text/csv", file, Map.of("name", "flipkart-" + RUN));
        assertEquals(202, accepted.status(), accepted.text());
        flipkart = finish(JSON.readTree(accepted.body())).path("catalog_id").asLong();
        JsonNode view = ok(http.get(http.withKey(aliceKey, gateway + "/api/v1/products/catalogs/" + flipkart)));
        assertEquals("product_name", view.path("mapping").path("title").asText(), view.toString());
        assertEquals(48, view.path("row_count").asInt(), view.toString());
        JsonNode first = ok(http.get(http.withKey(aliceKey,
                gateway + "/api/v1/products/catalogs/" + flipkart + "/products?size=1"))).path("items").path(0);
        assertEquals("Alisha Solid Women's Cycling Shorts", first.path("title").asText(), first.toString());
        assertEquals("Clothing", first.path("category").asText(), "the JSON in the cell is read: " + first);

        SuiteHttp.Answer categorize = http.postJson(http.withKey(aliceKey, gateway + "/api/v1/products/categorize"),
                "{\"catalog_id\":" + flipkart + ",\"mode\":\"zero-shot\",\"category_list\":\"default\"}");
        assertEquals(202, categorize.status(), categorize.text());
        finish(JSON.readTree(categorize.body()));
        JsonNode counts = ok(http.get(http.withKey(aliceKey,
                gateway + "/api/v1/products/categories/counts?catalog_id=" + flipkart)));
        Set<String> seedEight = Set.of("Health, Beauty", "Electronics, Computers", "Home and Kitchen", "Clothing",
                "Sports", "Office", "Movies, Music", "Books");
        int sum = 0;
        for (JsonNode count : counts.path("counts")) {
            assertTrue(seedEight.contains(count.path("category").asText()), counts.toString());
            sum += count.path("count").asInt();
        }
        assertEquals(48, sum, counts.toString());
        JsonNode one = ok(http.get(http.withKey(aliceKey, gateway + "/api/v1/products/" + first.path("id").asLong())));
        assertEquals("zero-shot", one.path("predicted").path("mode").asText(), one.toString());
        // 17 rows of the excerpt are clothes by their category tree: most of them land in "Clothing".
        int clothes = 0;
        int clothing = 0;
        JsonNode all = ok(http.get(http.withKey(aliceKey,
                gateway + "/api/v1/products/catalogs/" + flipkart + "/products?size=100")));
        for (JsonNode product : all.path("items")) {
            if (product.path("category").asText().equals("Clothing")) {
                clothes++;
                if (product.path("predicted").path("category").asText().equals("Clothing")) {
                    clothing++;
                }
            }
        }
        assertEquals(17, clothes, all.toString());
        assertTrue(clothing >= 9, clothing + " of the 17 clothes predicted as Clothing");
    }

    @Test
    @Order(6)
    void badRowsAreRefusedWithTheirRowNumbersAndNothingIsStored() throws Exception {
        String csv = "title,description,price\nGood lamp,A lamp,12.50\n,No title here,3\nMug,A mug,cheap\n";
        SuiteHttp.Answer refused = http.postFile(http.withKey(aliceKey, gateway + "/api/v1/products/import"),
                "bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("name", "bad-" + RUN));
        assertEquals(400, refused.status(), refused.text());
        JsonNode problem = JSON.readTree(refused.body());
        Set<Integer> rows = new HashSet<>();
        problem.path("errors").forEach(error -> rows.add(error.path("row").asInt()));
        assertEquals(Set.of(2, 3), rows, problem.toString());
        JsonNode catalogs = ok(http.get(http.withKey(aliceKey, gateway + "/api/v1/products/catalogs?size=100")));
        catalogs.path("items").forEach(item -> assertNotEquals("bad-" + RUN, item.path("name").asText()));
    }

    @Test
    @Order(7)
    void anotherUserSeesNoneOfItAndADeletedCatalogIsGone() throws Exception {
        String base = gateway + "/api/v1/products/catalogs/" + catalog;
        assertEquals(404, http.get(http.withKey(bobKey, base)).status());
        assertEquals(404, http.get(http.withKey(bobKey, base + "/parquet")).status());
        assertEquals(404, http.get(http.withKey(bobKey, base + "/projection")).status());
        JsonNode mine = ok(http.get(http.withKey(aliceKey, base + "/products?size=1")));
        long product = mine.path("items").path(0).path("id").asLong();
        assertEquals(404, http.get(http.withKey(bobKey, gateway + "/api/v1/products/" + product + "/similar")).status());
        assertEquals(401, http.get(http.withKey("ads_user_wrong", base)).status());

        SuiteHttp.Answer deleted = http.send(http.withKey(aliceKey, gateway + "/api/v1/products/catalogs/" + flipkart)
                .DELETE());
        assertEquals(204, deleted.status(), deleted.text());
        assertEquals(404, http.get(http.withKey(aliceKey, gateway + "/api/v1/products/catalogs/" + flipkart)).status());
    }

    /** Polls a job until it ends; fails unless it succeeded. */
    private static JsonNode finish(JsonNode job) throws Exception {
        String id = job.path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(JOB_SECONDS).toNanos();
        JsonNode view = job;
        while (System.nanoTime() < deadline) {
            view = ok(http.get(http.withKey(aliceKey, gateway + "/api/v1/products/jobs/" + id)));
            String status = view.path("status").asText();
            if (status.equals("succeeded")) {
                assertEquals(view.path("total").asInt(), view.path("done").asInt(), view.toString());
                return view;
            }
            assertNotEquals("failed", status, view.toString());
            Thread.sleep(500);
        }
        throw new AssertionError("job still running after " + JOB_SECONDS + " s: " + view);
    }

    private static JsonNode column(JsonNode dictionary, String name) {
        for (JsonNode column : dictionary.path("columns")) {
            if (column.path("name").asText().equals(name)) {
                return column;
            }
        }
        throw new AssertionError("no column " + name + " in " + dictionary);
    }

    private static void assertPng(byte[] body) {
        assertTrue(body.length > 8 && body[1] == 'P' && body[2] == 'N' && body[3] == 'G',
                "a PNG: " + new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> unzip(byte[] zip) throws IOException {
        Map<String, List<String>> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                entries.put(entry.getName(), text.lines().filter(line -> !line.isEmpty()).toList());
            }
        }
        return entries;
    }

    private static JsonNode ok(SuiteHttp.Answer answer) throws IOException {
        assertEquals(200, answer.status(), answer.text());
        return JSON.readTree(answer.body());
    }

    private static String key(String user, String role) throws Exception {
        SuiteHttp.Answer created = http.postJson(http.withKey(ADMIN_KEY, gateway + "/api/v1/keys"),
                JSON.writeValueAsString(Map.of("user_id", user, "role", role)));
        assertEquals(201, created.status(), created.text());
        return JSON.readTree(created.body()).path("key").asText();
    }
}
