package ai.datasuite.metadata.product;

import static ai.datasuite.metadata.product.ProductTestData.CATALOGS;
import static ai.datasuite.metadata.product.ProductTestData.PROBLEM;
import static ai.datasuite.metadata.product.ProductTestData.RETAIL;
import static ai.datasuite.metadata.product.ProductTestData.as;
import static ai.datasuite.metadata.product.ProductTestData.importCsv;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import ai.datasuite.metadata.TestData;

/** Stored predictions, the label maps and the SQL counts per category (JSON with the SQL, and a PNG chart). */
@QuarkusTest
class ProductPredictionTest {

    private static final String COUNTS = "/api/v1/products/categories/counts";
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void predictionsAreStoredCountedAndCharted() {
        String alice = TestData.prefix() + "-alice";
        long id = importCsv(alice, RETAIL, "retail");
        List<Integer> ids = as(alice).queryParam("size", 60).get(CATALOGS + "/{id}/products", id).then()
                .extract().jsonPath().getList("items.id");

        // Nothing predicted yet: one group, null.
        as(alice).queryParam("catalog_id", id).get(COUNTS).then().statusCode(200)
                .body("source", equalTo("predicted"))
                .body("counts.category", contains((String) null))
                .body("counts.count", contains(60))
                .body("total", equalTo(60));

        List<Map<String, Object>> predictions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            predictions.add(Map.of("product_id", ids.get(i), "category", i < 3 ? "apparel" : "footwear",
                    "score", 0.5 + i / 10.0));
        }
        as(alice).contentType(ContentType.JSON).body(Map.of("mode", "zero-shot", "model_version", "e5/zs@1234abcd",
                        "predictions", predictions))
                .put(CATALOGS + "/{id}/predictions", id).then().statusCode(200).body("updated", equalTo(5));
        as(alice).get("/api/v1/products/{id}", ids.get(0)).then().statusCode(200)
                .body("predicted.category", equalTo("apparel"))
                .body("predicted.score", equalTo(0.5f))
                .body("predicted.mode", equalTo("zero-shot"))
                .body("predicted.model_version", equalTo("e5/zs@1234abcd"));
        as(alice).get(CATALOGS + "/{id}", id).then().body("categorized_count", equalTo(5))
                .body("labelled_count", equalTo(60));
        as(alice).queryParam("predicted_category", "footwear").get(CATALOGS + "/{id}/products", id).then()
                .body("total", equalTo(2)).body("items.id", contains(ids.get(3), ids.get(4)));

        JsonPath counts = as(alice).queryParam("catalog_id", id).get(COUNTS).then().statusCode(200)
                .body("catalog_id", equalTo((int) id))
                .body("sql", equalTo("SELECT predicted_category AS category, COUNT(*) AS count FROM products"
                        + " WHERE catalog_id = ? GROUP BY predicted_category ORDER BY count DESC, category"))
                .body("counts.category", contains(null, "apparel", "footwear"))
                .body("counts.count", contains(55, 3, 2))
                .body("total", equalTo(60)).extract().jsonPath();
        assertEquals(3, counts.getList("counts").size());
        as(alice).queryParam("catalog_id", id).queryParam("source", "true").get(COUNTS).then().statusCode(200)
                .body("sql", containsString("GROUP BY category"))
                .body("counts.count", contains(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5))
                .body("counts[0].category", equalTo("accessories"));

        byte[] png = as(alice).queryParam("catalog_id", id).queryParam("format", "png").get(COUNTS).then()
                .statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 8));
        byte[] accepted = as(alice).accept("image/png").queryParam("catalog_id", id).get(COUNTS).then()
                .statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(accepted, 8));

        // A re-categorization replaces the prediction.
        as(alice).contentType(ContentType.JSON).body(Map.of("mode", "few-shot", "predictions",
                        List.of(Map.of("product_id", ids.get(0), "category", "footwear"))))
                .put(CATALOGS + "/{id}/predictions", id).then().statusCode(200).body("updated", equalTo(1));
        as(alice).queryParam("source", "predicted").get(CATALOGS + "/{id}/labels", id).then().statusCode(200)
                .body("source", equalTo("predicted"))
                .body("labels.size()", equalTo(5))
                .body("labels." + ids.get(0), equalTo("footwear"))
                .body("labels." + ids.get(1), equalTo("apparel"));
        as(alice).queryParam("source", "true").get(CATALOGS + "/{id}/labels", id).then().statusCode(200)
                .body("source", equalTo("true"))
                .body("labels.size()", equalTo(60))
                .body("labels." + ids.get(0), equalTo("accessories"));
    }

    @Test
    void badPredictionsAndCountQueriesAreRefused() {
        String alice = TestData.prefix() + "-alice";
        long id = importCsv(alice, RETAIL, "retail");
        long other = importCsv(alice, RETAIL, "other");
        Number foreign = as(alice).get(CATALOGS + "/{id}/products", other).then().extract().path("items[0].id");
        Number own = as(alice).get(CATALOGS + "/{id}/products", id).then().extract().path("items[0].id");

        as(alice).contentType(ContentType.JSON).body(Map.of("mode", "zero-shot", "predictions",
                        List.of(Map.of("product_id", own, "category", "a"),
                                Map.of("product_id", foreign, "category", "b"))))
                .put(CATALOGS + "/{id}/predictions", id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("predictions"))
                .body("errors[0].message", containsString(String.valueOf(foreign)));
        as(alice).get("/api/v1/products/{id}", own).then().body("predicted", equalTo(null));
        as(alice).contentType(ContentType.JSON).body(Map.of("mode", "zero-shot", "predictions",
                        List.of(Map.of("product_id", own, "category", "a", "score", 1.5))))
                .put(CATALOGS + "/{id}/predictions", id).then().statusCode(400);
        as(alice).contentType(ContentType.JSON).body(Map.of("predictions",
                        List.of(Map.of("product_id", own, "category", "a"))))
                .put(CATALOGS + "/{id}/predictions", id).then().statusCode(400);
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Map.of("product_id", own, "category", "a"));
        }
        as(alice).contentType(ContentType.JSON).body(Map.of("mode", "zero-shot", "predictions", many))
                .put(CATALOGS + "/{id}/predictions", id).then().statusCode(413)
                .body("detail", containsString("metadata.products.max-predictions"));

        as(alice).get(COUNTS).then().statusCode(400).body("errors[0].field", equalTo("catalog_id"));
        as(alice).queryParam("catalog_id", id).queryParam("source", "guess").get(COUNTS).then().statusCode(400);
        as(alice).queryParam("catalog_id", id).queryParam("format", "gif").get(COUNTS).then().statusCode(400);
        as(alice).queryParam("catalog_id", 987654321).get(COUNTS).then().statusCode(404);
        as(alice).queryParam("source", "maybe").get(CATALOGS + "/{id}/labels", id).then().statusCode(400);
    }
}
