package ai.datasuite.metadata.product;

import static ai.datasuite.metadata.product.ProductTestData.CATALOGS;
import static ai.datasuite.metadata.product.ProductTestData.FLIPKART;
import static ai.datasuite.metadata.product.ProductTestData.FLIPKART_MAPPING;
import static ai.datasuite.metadata.product.ProductTestData.PROBLEM;
import static ai.datasuite.metadata.product.ProductTestData.RETAIL;
import static ai.datasuite.metadata.product.ProductTestData.as;
import static ai.datasuite.metadata.product.ProductTestData.bytes;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import ai.datasuite.metadata.TestData;

/** Importing product files: header detection, explicit mappings, messy real rows, row errors, limits, versions. */
@QuarkusTest
class ProductImportTest {

    @Test
    void retailExcerptImportsWithTheMappingDetectedFromTheHeader() {
        String alice = TestData.prefix() + "-alice";
        JsonPath catalog = as(alice).contentType("text/csv").body(bytes(RETAIL))
                .queryParam("source_name", "products.csv")
                .post(CATALOGS).then().statusCode(201)
                .header("Location", containsString(CATALOGS + "/"))
                .body("name", equalTo("products"))
                .body("version", equalTo(1))
                .body("owner", equalTo(alice))
                .body("format", equalTo("csv"))
                .body("source_name", equalTo("products.csv"))
                .body("mapping", equalTo(Map.of("title", "title", "description", "description",
                        "category", "category", "price", "price", "id", "id")))
                .body("row_count", equalTo(60))
                .body("labelled_count", equalTo(60))
                .body("categorized_count", equalTo(0))
                .body("parquet_file_id", nullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("skipped")))
                .extract().jsonPath();
        long id = catalog.getLong("id");

        JsonPath first = as(alice).queryParam("size", 2).get(CATALOGS + "/{id}/products", id)
                .then().statusCode(200).body("total", equalTo(60)).body("items", hasSize(2))
                .extract().jsonPath();
        assertEquals(1, first.getInt("items[0].row_number"));
        assertEquals("6579c22f-be2b-444c-a52b-0116dd82df6c", first.getString("items[0].source_id"));
        assertEquals("Adventure-Ready Expedition Backpack", first.getString("items[0].title"));
        assertEquals("accessories", first.getString("items[0].category"));
        assertEquals(129.99f, first.getFloat("items[0].price"));
        // Unmapped columns are attributes, blank cells left out (promoted is empty).
        assertEquals("backpack", first.getString("items[0].attributes.style"));
        assertEquals("15", first.getString("items[0].attributes.current_stock"));
        assertNull(first.get("items[0].attributes.promoted"));
        assertNull(first.get("items[0].predicted"));

        long productId = first.getLong("items[0].id");
        as(alice).get("/api/v1/products/{id}", productId).then().statusCode(200)
                .body("catalog_id", equalTo((int) id)).body("title", equalTo("Adventure-Ready Expedition Backpack"));
        as(alice).queryParam("category", "footwear").get(CATALOGS + "/{id}/products", id).then().statusCode(200)
                .body("total", equalTo(5)).body("items.category", contains("footwear", "footwear", "footwear",
                        "footwear", "footwear"));
        as(alice).queryParam("size", 501).get(CATALOGS + "/{id}/products", id).then().statusCode(400);
    }

    @Test
    void flipkartImportsWithAnExplicitMappingAndItsJsonCategoryTree() {
        String alice = TestData.prefix() + "-alice";
        long id = as(alice).contentType("application/octet-stream").body(bytes(FLIPKART))
                .queryParam("name", "flipkart").queryParam("format", "csv")
                .queryParam("mapping", FLIPKART_MAPPING)
                .post(CATALOGS).then().statusCode(201)
                .body("row_count", equalTo(48))
                .body("mapping.title", equalTo("product_name"))
                .body("mapping.category", equalTo("product_category_tree"))
                .extract().jsonPath().getLong("id");
        JsonPath page = as(alice).queryParam("size", 48).get(CATALOGS + "/{id}/products", id).then().statusCode(200)
                .extract().jsonPath();
        // Row 1: ["Clothing >> Women's Clothing >> ..."] gives Clothing and the whole path as an attribute.
        assertEquals("Alisha Solid Women's Cycling Shorts", page.getString("items[0].title"));
        assertEquals("Clothing", page.getString("items[0].category"));
        assertEquals("Clothing >> Women's Clothing >> Lingerie, Sleep & Swimwear >> Shorts >> Alisha Shorts >>"
                + " Alisha Solid Women's Cycling Shorts", page.getString("items[0].attributes.category_path"));
        assertEquals("c2d766ca982eca8304150849735ffef9", page.getString("items[0].source_id"));
        assertEquals(999.0f, page.getFloat("items[0].price"));
        // Unmapped messy columns stay as written: a JSON list of images, Ruby-hash-like specifications.
        assertEquals("SRTEH2FF9KEDEFGF", page.getString("items[0].attributes.pid"));
        assertEquals("379", page.getString("items[0].attributes.discounted_price"));
        org.hamcrest.MatcherAssert.assertThat(page.getString("items[0].attributes.product_specifications"),
                containsString("\"key\"=>\"Fabric\", \"value\"=>\"Cotton Lycra\""));
        org.hamcrest.MatcherAssert.assertThat(page.getString("items[0].attributes.image"),
                containsString("[\"http://img5a.flixcart.com/"));
        // Row 13 has no retail price: null, not an error.
        assertEquals(13, page.getInt("items[12].row_number"));
        assertNull(page.get("items[12].price"));
        assertEquals("Furniture", page.getString("items[1].category"));
        List<String> categories = page.getList("items.category");
        assertEquals(17, categories.stream().filter("Clothing"::equals).count());
    }

    @Test
    void flipkartMappingIsDetectedFromItsHeader() {
        String alice = TestData.prefix() + "-alice";
        as(alice).contentType("text/csv").body(bytes(FLIPKART)).queryParam("name", "flipkart")
                .post(CATALOGS).then().statusCode(201)
                .body("row_count", equalTo(48))
                .body("mapping", equalTo(Map.of("title", "product_name", "description", "description",
                        "category", "product_category_tree", "price", "retail_price", "id", "uniq_id")))
                .body("labelled_count", equalTo(48));
    }

    @Test
    void csvQuotingBomAndJsonInACellParse() {
        String alice = TestData.prefix() + "-alice";
        String csv = "\uFEFFsku,product_title,body,product_category,list_price\r\n"
                + "a-1,\"Mug, \"\"large\"\"\",\"Line one\nline two, with comma\",\"[\"\"Home >> Kitchen\"\"]\",12.5\r\n"
                + "a-2,Plain tee,,apparel,\r\n";
        long id = as(alice).contentType("text/csv; charset=utf-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("name", "quoted").post(CATALOGS).then().statusCode(201)
                .body("mapping", equalTo(Map.of("title", "product_title", "description", "body",
                        "category", "product_category", "price", "list_price", "id", "sku")))
                .body("row_count", equalTo(2)).extract().jsonPath().getLong("id");
        JsonPath page = as(alice).get(CATALOGS + "/{id}/products", id).then().statusCode(200).extract().jsonPath();
        assertEquals("Mug, \"large\"", page.getString("items[0].title"));
        assertEquals("Line one\nline two, with comma", page.getString("items[0].description"));
        assertEquals("Home", page.getString("items[0].category"));
        assertEquals("Home >> Kitchen", page.getString("items[0].attributes.category_path"));
        assertEquals(12.5f, page.getFloat("items[0].price"));
        assertNull(page.get("items[1].description"));
        assertEquals("apparel", page.getString("items[1].category"));
        assertNull(page.get("items[1].price"));
    }

    @Test
    void jsonLinesImportWithValuesAsStrings() {
        String alice = TestData.prefix() + "-alice";
        String jsonl = """
                {"name": "Desk lamp", "description": "LED", "category": "housewares", "price": 19.99, \
                "tags": ["a", "b"], "stock": 3}

                {"name": "Chair", "category": ["Furniture >> Chairs"], "price": null}
                """;
        long id = as(alice).contentType("application/x-ndjson").body(jsonl.getBytes(StandardCharsets.UTF_8))
                .queryParam("name", "lines")
                .post(CATALOGS).then().statusCode(201).body("format", equalTo("jsonl"))
                .body("row_count", equalTo(2)).extract().jsonPath().getLong("id");
        JsonPath page = as(alice).get(CATALOGS + "/{id}/products", id).then().statusCode(200).extract().jsonPath();
        assertEquals("Desk lamp", page.getString("items[0].title"));
        assertEquals("[\"a\",\"b\"]", page.getString("items[0].attributes.tags"));
        assertEquals("3", page.getString("items[0].attributes.stock"));
        assertEquals("Furniture", page.getString("items[1].category"));
        assertEquals(2, page.getInt("items[1].row_number"));
    }

    @Test
    void badRowsRejectTheFileWithRowNumbersOrAreSkipped() {
        String alice = TestData.prefix() + "-alice";
        String csv = "title,price,category\n"
                + "Good one,1.00,a\n"
                + ",2.00,a\n"
                + "Bad price,n/a,b\n"
                + "Too few columns\n"
                + "Good two,,b\n"
                + "T".repeat(501) + ",3,c\n";
        as(alice).contentType("text/csv").body(csv).queryParam("name", "bad").post(CATALOGS)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:ai-data-suite:problem:invalid-rows"))
                .body("error_count", equalTo(4))
                .body("errors.row", contains(2, 3, 4, 6))
                .body("errors.column", contains("title", "price", null, "title"))
                .body("errors[1].message", equalTo("must be a number, got 'n/a'"))
                .body("errors[3].message", containsString("metadata.products.max-title-chars"));
        as(alice).get(CATALOGS).then().statusCode(200).body("total", equalTo(0));

        as(alice).contentType("text/csv").body(csv).queryParam("name", "bad").queryParam("on_error", "skip")
                .post(CATALOGS).then().statusCode(201)
                .body("row_count", equalTo(2))
                .body("skipped_count", equalTo(4))
                .body("skipped.row", contains(2, 3, 4, 6))
                .body("skipped[0].column", equalTo("title"));
        as(alice).contentType("text/csv").body(csv).queryParam("on_error", "maybe").queryParam("name", "bad")
                .post(CATALOGS).then().statusCode(400).body("errors[0].field", equalTo("on_error"));
    }

    @Test
    void limitsFormatsAndMappingsAreChecked() {
        String alice = TestData.prefix() + "-alice";
        StringBuilder many = new StringBuilder("title\n");
        for (int i = 0; i < 101; i++) {
            many.append("Product ").append(i).append('\n');
        }
        as(alice).contentType("text/csv").body(many.toString()).queryParam("name", "many").post(CATALOGS)
                .then().statusCode(413).contentType(PROBLEM)
                .body("detail", containsString("metadata.products.max-rows"));
        as(alice).contentType("text/csv").body("title\n" + "x,".repeat(300_000)).queryParam("name", "big")
                .post(CATALOGS).then().statusCode(413)
                .body("detail", containsString("metadata.products.max-body-bytes"));
        as(alice).contentType("application/octet-stream").body("title\nA\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("name", "n")
                .post(CATALOGS).then().statusCode(415).contentType(PROBLEM);
        as(alice).contentType("text/csv").body("title\nA\n").queryParam("name", "n").queryParam("format", "xlsx")
                .post(CATALOGS).then().statusCode(400).body("errors[0].field", equalTo("format"));
        as(alice).contentType("text/csv").body("name_of_thing,price\nA,1\n").queryParam("name", "n")
                .post(CATALOGS).then().statusCode(400).body("errors[0].field", equalTo("mapping"));
        as(alice).contentType("text/csv").body("thing,price\nA,1\n").queryParam("name", "n")
                .queryParam("mapping", "{\"title\":\"nope\"}").post(CATALOGS).then().statusCode(400)
                .body("errors[0].message", containsString("'nope'"));
        as(alice).contentType("text/csv").body("thing,price\nA,1\n").queryParam("name", "n")
                .queryParam("mapping", "{\"colour\":\"thing\"}").post(CATALOGS).then().statusCode(400);
        as(alice).contentType("text/csv").body("thing,price\nA,1\n").queryParam("name", "n")
                .queryParam("mapping", "not json").post(CATALOGS).then().statusCode(400);
        as(alice).contentType("text/csv").body("title\nA\n").post(CATALOGS).then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        as(alice).contentType("text/csv").body("title,x\n\"unterminated,1\n").queryParam("name", "n")
                .post(CATALOGS).then().statusCode(400)
                .body("type", equalTo("urn:ai-data-suite:problem:invalid-rows"))
                .body("errors[0].row", equalTo(1));
        as(alice).get(CATALOGS).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void importingTheSameNameAgainMakesTheNextVersion() {
        String alice = TestData.prefix() + "-alice";
        String bob = TestData.prefix() + "-bob";
        long v1 = importOne(alice, "shop");
        long v2 = as(alice).contentType("text/csv").body("title\nA\nB\n").queryParam("name", "shop")
                .post(CATALOGS).then().statusCode(201).body("version", equalTo(2)).body("row_count", equalTo(2))
                .extract().jsonPath().getLong("id");
        // Another owner's "shop" starts at 1.
        as(bob).contentType("text/csv").body("title\nA\n").queryParam("name", "shop")
                .post(CATALOGS).then().statusCode(201).body("version", equalTo(1));
        as(alice).get(CATALOGS).then().statusCode(200).body("total", equalTo(2))
                .body("items.id", contains((int) v2, (int) v1)).body("items.version", contains(2, 1));
        as(alice).get(CATALOGS + "/{id}", v1).then().statusCode(200).body("row_count", equalTo(1));
    }

    private static long importOne(String user, String name) {
        return as(user).contentType("text/csv").body("title\nA\n").queryParam("name", name)
                .post(CATALOGS).then().statusCode(201).body("version", equalTo(1)).body("id", notNullValue())
                .extract().jsonPath().getLong("id");
    }
}
