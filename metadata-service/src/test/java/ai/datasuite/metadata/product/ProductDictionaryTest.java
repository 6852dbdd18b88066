package ai.datasuite.metadata.product;

import static ai.datasuite.metadata.product.ProductTestData.CATALOGS;
import static ai.datasuite.metadata.product.ProductTestData.FLIPKART;
import static ai.datasuite.metadata.product.ProductTestData.PROBLEM;
import static ai.datasuite.metadata.product.ProductTestData.RETAIL;
import static ai.datasuite.metadata.product.ProductTestData.as;
import static ai.datasuite.metadata.product.ProductTestData.importCsv;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import ai.datasuite.metadata.TestData;

/** The data dictionary: statistics computed in SQL, editable descriptions, and the YAML exports read back. */
@QuarkusTest
class ProductDictionaryTest {

    private static final List<String> COLUMNS = List.of("row_number", "id", "title", "description", "category",
            "price", "attributes");

    @Test
    void statisticsDescribeTheStoredRows() {
        String alice = TestData.prefix() + "-alice";
        long id = importCsv(alice, RETAIL, "retail");
        JsonPath dict = as(alice).get(CATALOGS + "/{id}/dictionary", id).then().statusCode(200)
                .body("catalog_id", equalTo((int) id))
                .body("name", equalTo("retail"))
                .body("version", equalTo(1))
                .body("rows", equalTo(60))
                .body("columns.name", contains(COLUMNS.toArray()))
                .body("columns.type", contains("INTEGER", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR",
                        "DECIMAL(14,2)", "VARCHAR"))
                .extract().jsonPath();
        Map<String, Object> title = column(dict, "title");
        assertEquals(0, title.get("null_count"));
        assertEquals(60, title.get("distinct_count"));
        assertTrue((Integer) title.get("min_length") > 0);
        assertTrue((Integer) title.get("max_length") >= (Integer) title.get("min_length"));
        assertEquals(null, title.get("min"));
        assertEquals(5, ((List<?>) title.get("examples")).size());
        assertEquals("Product title; from the source column 'title'.", title.get("description"));

        Map<String, Object> category = column(dict, "category");
        assertEquals(12, category.get("distinct_count"));
        assertEquals(List.of("accessories", "apparel", "beauty", "books", "electronics"), category.get("examples"));

        Map<String, Object> price = column(dict, "price");
        assertEquals(null, price.get("min_length"));
        assertTrue(((Number) price.get("min")).doubleValue() > 0);
        assertTrue(((Number) price.get("max")).doubleValue() >= ((Number) price.get("min")).doubleValue());

        Map<String, Object> rowNumber = column(dict, "row_number");
        assertEquals(1, rowNumber.get("min"));
        assertEquals(60, rowNumber.get("max"));
        assertEquals(List.of(1, 2, 3, 4, 5), rowNumber.get("examples"));
    }

    @Test
    void flipkartNullsAndDescriptionsNameTheSourceColumns() {
        String alice = TestData.prefix() + "-alice";
        long id = importCsv(alice, FLIPKART, "flipkart");
        JsonPath dict = as(alice).get(CATALOGS + "/{id}/dictionary", id).then().statusCode(200).extract().jsonPath();
        assertEquals(2, column(dict, "price").get("null_count"));
        assertEquals("Product title; from the source column 'product_name'.", column(dict, "title").get("description"));
        assertEquals(36, column(dict, "title").get("distinct_count"));
    }

    @Test
    void descriptionsAreEditedAndTheYamlFilesReadBack() throws Exception {
        String alice = TestData.prefix() + "-alice";
        long id = importCsv(alice, RETAIL, "retail");
        as(alice).contentType(ContentType.JSON).body(Map.of("description", "Short name shown in the shop"))
                .put(CATALOGS + "/{id}/dictionary/title", id).then().statusCode(200)
                .body("name", equalTo("title")).body("description", equalTo("Short name shown in the shop"))
                .body("distinct_count", equalTo(60));
        as(alice).contentType(ContentType.JSON).body(Map.of("description", "Shop name, v2"))
                .put(CATALOGS + "/{id}/dictionary/title", id).then().statusCode(200);
        as(alice).get(CATALOGS + "/{id}/dictionary", id).then().body("columns[2].description",
                equalTo("Shop name, v2"));
        as(alice).contentType(ContentType.JSON).body(Map.of("description", "x"))
                .put(CATALOGS + "/{id}/dictionary/colour", id).then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("colour"));
        as(alice).contentType(ContentType.JSON).body(Map.of("description", " "))
                .put(CATALOGS + "/{id}/dictionary/title", id).then().statusCode(400);
        as(alice).contentType(ContentType.JSON).body(Map.of("description", "d".repeat(2001)))
                .put(CATALOGS + "/{id}/dictionary/title", id).then().statusCode(400);

        YAMLMapper yaml = new YAMLMapper();
        String dictionaryText = as(alice).get(CATALOGS + "/{id}/dictionary.yaml", id).then().statusCode(200)
                .contentType(startsWith("text/yaml")).extract().asString();
        Map<String, Object> dictionary = yaml.readValue(dictionaryText, new TypeReference<>() {
        });
        assertEquals("retail", dictionary.get("dataset"));
        assertEquals(1, dictionary.get("version"));
        assertEquals(60, dictionary.get("rows"));
        List<Map<String, Object>> columns = cast(dictionary.get("columns"));
        assertEquals(COLUMNS, columns.stream().map(c -> c.get("name")).toList());
        assertEquals("Shop name, v2", columns.get(2).get("description"));
        Map<String, Object> stats = cast(columns.get(2).get("stats"));
        assertEquals(60, stats.get("distinct_count"));
        assertEquals(0, stats.get("null_count"));

        String schemaText = as(alice).get(CATALOGS + "/{id}/schema.yaml", id).then().statusCode(200)
                .contentType(startsWith("text/yaml")).extract().asString();
        Map<String, Object> schema = yaml.readValue(schemaText, new TypeReference<>() {
        });
        assertEquals(List.of("row_number"), schema.get("primary_key"));
        List<Map<String, Object>> fields = cast(schema.get("fields"));
        assertEquals(COLUMNS, fields.stream().map(f -> f.get("name")).toList());
        assertEquals(false, fields.get(0).get("nullable"));
        assertEquals(true, fields.get(2).get("required"));
        assertEquals(500, ((Map<?, ?>) fields.get(2).get("constraints")).get("max_length"));
        assertEquals("DECIMAL(14,2)", fields.get(5).get("type"));
        assertEquals(14, ((Map<?, ?>) fields.get(5).get("constraints")).get("precision"));
        assertEquals(true, fields.get(5).get("nullable"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private static Map<String, Object> column(JsonPath dict, String name) {
        List<Map<String, Object>> columns = dict.getList("columns");
        return columns.stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
    }
}
