package ai.datasuite.metadata.product;

import static ai.datasuite.metadata.product.ProductTestData.CATALOGS;
import static ai.datasuite.metadata.product.ProductTestData.FLIPKART;
import static ai.datasuite.metadata.product.ProductTestData.RETAIL;
import static ai.datasuite.metadata.product.ProductTestData.as;
import static ai.datasuite.metadata.product.ProductTestData.importCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import ai.datasuite.metadata.TestData;

/** The Parquet download is a real Parquet file: DuckDB reads it back with the same rows, names and types. */
@QuarkusTest
class ParquetExportTest {

    @Test
    void retailCatalogReadsBackInDuckDb() throws Exception {
        String alice = TestData.prefix() + "-alice";
        long id = importCsv(alice, RETAIL, "retail");
        Path file = download(alice, id);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            String from = " FROM read_parquet('" + file.toAbsolutePath() + "')";
            List<String> schema = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("DESCRIBE SELECT *" + from)) {
                while (rows.next()) {
                    schema.add(rows.getString("column_name") + " " + rows.getString("column_type"));
                }
            }
            assertEquals(List.of("row_number INTEGER", "id VARCHAR", "title VARCHAR", "description VARCHAR",
                    "category VARCHAR", "price DECIMAL(14,2)", "attributes VARCHAR"), schema);
            assertEquals(60, count(sql, "SELECT COUNT(*)" + from));
            assertEquals(12, count(sql, "SELECT COUNT(DISTINCT category)" + from));
            try (ResultSet row = sql.executeQuery("SELECT *" + from + " ORDER BY row_number LIMIT 1")) {
                assertTrue(row.next());
                assertEquals(1, row.getInt("row_number"));
                assertEquals("6579c22f-be2b-444c-a52b-0116dd82df6c", row.getString("id"));
                assertEquals("Adventure-Ready Expedition Backpack", row.getString("title"));
                assertEquals("accessories", row.getString("category"));
                assertEquals(new BigDecimal("129.99"), row.getBigDecimal("price"));
                Map<String, String> attributes = new ObjectMapper().readValue(row.getString("attributes"),
                        new TypeReference<>() {
                        });
                assertEquals("backpack", attributes.get("style"));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        assertNoTemporaryFilesLeft();
    }

    @Test
    void flipkartRowsKeepTheirJsonAttributesAndNullPrices() throws Exception {
        String alice = TestData.prefix() + "-alice";
        long id = importCsv(alice, FLIPKART, "flipkart");
        Path file = download(alice, id);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            String from = " FROM read_parquet('" + file.toAbsolutePath() + "')";
            assertEquals(48, count(sql, "SELECT COUNT(*)" + from));
            assertEquals(2, count(sql, "SELECT COUNT(*)" + from + " WHERE price IS NULL"));
            try (ResultSet row = sql.executeQuery("SELECT title, category, price,"
                    + " json_extract_string(attributes, '$.category_path') AS path, attributes" + from
                    + " WHERE row_number = 1")) {
                assertTrue(row.next());
                assertEquals("Alisha Solid Women's Cycling Shorts", row.getString("title"));
                assertEquals("Clothing", row.getString("category"));
                assertEquals(new BigDecimal("999.00"), row.getBigDecimal("price"));
                assertTrue(row.getString("path").startsWith("Clothing >> Women's Clothing >> "));
                Map<String, String> attributes = new ObjectMapper().readValue(row.getString("attributes"),
                        new TypeReference<>() {
                        });
                assertTrue(attributes.get("image").startsWith("[\"http://img5a.flixcart.com/"));
                assertFalse(row.next());
            }
            try (ResultSet row = sql.executeQuery("SELECT price" + from + " WHERE row_number = 13")) {
                assertTrue(row.next());
                assertNull(row.getBigDecimal("price"));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Path download(String user, long id) throws IOException {
        byte[] bytes = as(user).get(CATALOGS + "/{id}/parquet", id).then().statusCode(200)
                .contentType("application/vnd.apache.parquet").extract().asByteArray();
        // A Parquet file starts and ends with the magic PAR1.
        assertEquals("PAR1", new String(bytes, 0, 4));
        assertEquals("PAR1", new String(bytes, bytes.length - 4, 4));
        Path file = Files.createTempFile("catalog-" + id + "-", ".parquet");
        Files.write(file, bytes);
        return file;
    }

    private static void assertNoTemporaryFilesLeft() throws IOException {
        Path dir = Path.of(ConfigProvider.getConfig().getValue("suite.data-dir", String.class), "metadata",
                "parquet-tmp");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("catalog-"))
                        .toList());
            }
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
