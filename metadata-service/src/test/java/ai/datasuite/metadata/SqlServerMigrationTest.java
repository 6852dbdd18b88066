package ai.datasuite.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MSSQLServerContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The SQL Server dialect of the schema, checked against a real server: the build-time db-kind means no Quarkus test
 * runs on SQL Server, so this plain test applies {@code db/migration/mssql} with Flyway and round-trips rows.
 * Skipped where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerMigrationTest {

    @Container
    static final MSSQLServerContainer<?> SQL_SERVER =
            new MSSQLServerContainer<>("mcr.microsoft.com/mssql/server:2022-CU20-ubuntu-22.04").acceptLicense();

    @Test
    void migrationsApplyAndFilesTasksAndLinksRoundTrip() throws SQLException {
        MigrateResult result = Flyway.configure()
                .dataSource(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword())
                .locations("classpath:db/migration/mssql")
                .load()
                .migrate();
        assertTrue(result.success);
        assertEquals(9, result.migrationsExecuted);

        String fileId = UUID.randomUUID().toString();
        try (Connection db = DriverManager.getConnection(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(),
                SQL_SERVER.getPassword())) {
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO tasks (task_id, question, level, final_answer, file_name, steps, number_of_steps,
                                       how_long, tools, number_of_tools, created_at, updated_at)
                    VALUES (?, ?, 2, '42', ?, ?, 2, '5 minutes', '1. Calculator', 1, ?, ?)""")) {
                insert.setString(1, "task-1");
                insert.setString(2, "Ünïcödé question, \u2603");
                insert.setString(3, "task-1.xlsx");
                insert.setString(4, "1. Open.\n2. Sum.");
                insert.setTimestamp(5, Timestamp.valueOf(LocalDateTime.of(2026, 11, 25, 10, 15, 30, 123456000)));
                insert.setTimestamp(6, Timestamp.valueOf(LocalDateTime.of(2026, 11, 25, 10, 15, 30, 123456000)));
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO files (id, owner_id, original_name, extension, media_type, name_media_type,
                                       extension_mismatch, size_bytes, sha256, bucket, object_key, data_type,
                                       text_key, text_length, text_truncated, details, task_id, status, created_at)
                    VALUES (?, 'alice', 'task-1.xlsx', 'xlsx', 'application/zip', NULL, ?, 5289, ?, 'suite-files',
                            ?, 'benchmark', NULL, NULL, ?, '{"sheets": 1}', 'task-1', 'STORED', SYSUTCDATETIME())""")) {
                insert.setString(1, fileId);
                insert.setBoolean(2, true);
                insert.setString(3, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
                insert.setString(4, "alice/" + fileId);
                insert.setBoolean(5, false);
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO file_tags (file_id, tag) VALUES (?, 'gaia')")) {
                insert.setString(1, fileId);
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO task_files (task_id, file_id, matched_by) VALUES ('task-1', ?, 'file_name')")) {
                insert.setString(1, fileId);
                assertEquals(1, insert.executeUpdate());
            }

            try (PreparedStatement select = db.prepareStatement("""
                    SELECT t.question, t.created_at, f.original_name, f.extension_mismatch, f.details, l.matched_by
                    FROM task_files l
                    JOIN tasks t ON t.task_id = l.task_id
                    JOIN files f ON f.id = l.file_id
                    WHERE l.file_id = ?""")) {
                select.setString(1, fileId);
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals("Ünïcödé question, \u2603", row.getString(1));
                    assertEquals(LocalDateTime.of(2026, 11, 25, 10, 15, 30, 123456000),
                            row.getTimestamp(2).toLocalDateTime());
                    assertEquals("task-1.xlsx", row.getString(3));
                    assertTrue(row.getBoolean(4));
                    assertEquals("{\"sheets\": 1}", row.getString(5));
                    assertEquals("file_name", row.getString(6));
                    assertFalse(row.next());
                }
            }

            // Unique (owner_id, sha256) holds, and deleting a file cascades to its tags and links.
            try (PreparedStatement duplicate = db.prepareStatement("""
                    INSERT INTO files (id, owner_id, original_name, media_type, extension_mismatch, size_bytes,
                                       sha256, bucket, object_key, text_truncated, status, created_at)
                    VALUES (?, 'alice', 'copy.xlsx', 'application/zip', 0, 1, ?, 'suite-files', 'k', 0, 'STORED',
                            SYSUTCDATETIME())""")) {
                duplicate.setString(1, UUID.randomUUID().toString());
                duplicate.setString(2, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
                SQLException failure = null;
                try {
                    duplicate.executeUpdate();
                } catch (SQLException e) {
                    failure = e;
                }
                assertTrue(failure != null, "duplicate (owner_id, sha256) must be refused");
            }
            // Identifiers compare exactly (binary collation), not case-insensitively as by default.
            assertEquals(0, count(db, "SELECT COUNT(*) FROM files WHERE owner_id = 'ALICE'"));
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO tasks (task_id, question, level, created_at, updated_at)
                    VALUES ('TASK-1', 'Same id in upper case', 1, SYSUTCDATETIME(), SYSUTCDATETIME())""")) {
                assertEquals(1, insert.executeUpdate());
            }
            // A dataset points at its file (V3); deleting the file below must remove it too.
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO datasets (id, name, file_id, owner_id, num_rows, num_contexts, column_names,
                                          uploaded_at)
                    VALUES (?, ?, ?, 'alice', 2880, 494, '["context","question","answer"]', SYSUTCDATETIME())""")) {
                insert.setString(1, UUID.randomUUID().toString());
                // 200 code points, 400 UTF-16 units: what NVARCHAR(400) must hold.
                insert.setString(2, "\uD83D\uDE00".repeat(200));
                insert.setString(3, fileId);
                assertEquals(1, insert.executeUpdate());
            }
            assertEquals(1, count(db, "SELECT COUNT(*) FROM datasets WHERE owner_id = 'alice'"));
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM files WHERE id = ?")) {
                delete.setString(1, fileId);
                assertEquals(1, delete.executeUpdate());
            }
            assertEquals(0, count(db, "SELECT COUNT(*) FROM task_files"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM datasets"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM file_tags"));
            assertEquals(2, count(db, "SELECT COUNT(*) FROM tasks"));

            // Comments: identity num, NVARCHAR(MAX) text with emoji, and the claim query as Hibernate renders it
            // for SQLServerDialect with UPGRADE_SKIPLOCKED (table hint UPDLOCK, ROWLOCK, READPAST).
            String text = "So happy \uD83D\uDE00 today";
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO comments (comments, request_user, request_time, status)
                    VALUES (?, 'alice', SYSUTCDATETIME(), 'pending')""")) {
                insert.setString(1, text);
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement claim = db.prepareStatement("""
                    SELECT c1_0.num, c1_0.comments, c1_0.attempts FROM comments c1_0 WITH (UPDLOCK, ROWLOCK, READPAST)
                    WHERE c1_0.status = 'pending' AND c1_0.attempts < 3
                      AND (c1_0.lease_until IS NULL OR c1_0.lease_until < SYSUTCDATETIME())
                    ORDER BY c1_0.num OFFSET 0 ROWS FETCH FIRST 10 ROWS ONLY""");
                 ResultSet row = claim.executeQuery()) {
                assertTrue(row.next());
                assertEquals(text, row.getString(2));
                assertEquals(0, row.getInt(3));
                assertFalse(row.next());
            }
            assertEquals(0, count(db, "SELECT COUNT(*) FROM comments WHERE request_user = 'ALICE'"));

            // API keys (V4): one row per key_hash, matched exactly.
            String keyHash = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
            String insertKey = """
                    INSERT INTO api_keys (id, key_hash, key_prefix, user_id, role, created_at)
                    VALUES (?, ?, 'sk_5e8848', 'alice', 'user', SYSUTCDATETIME())""";
            try (PreparedStatement insert = db.prepareStatement(insertKey)) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, keyHash);
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement duplicate = db.prepareStatement(insertKey)) {
                duplicate.setString(1, UUID.randomUUID().toString());
                duplicate.setString(2, keyHash);
                SQLException failure = null;
                try {
                    duplicate.executeUpdate();
                } catch (SQLException e) {
                    failure = e;
                }
                assertTrue(failure != null, "a duplicate key_hash must be refused");
            }
            assertEquals(1, count(db, "SELECT COUNT(*) FROM api_keys WHERE key_hash = '" + keyHash + "'"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM api_keys WHERE user_id = 'ALICE'"));

            productCatalogsRoundTrip(db);
        }
    }

    /**
     * Product catalogs (V9): identity ids, DECIMAL(14,2) prices, the counts query exactly as CategoryCountService runs
     * it, one list name per owner, and a catalog's rows and dictionary going with it.
     */
    private static void productCatalogsRoundTrip(Connection db) throws SQLException {
        long catalogId;
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO product_catalogs (owner_id, name, version, source_name, format, mapping_json, row_count,
                                              created_at)
                VALUES ('alice', 'retail', 1, 'products.csv', 'csv', '{"title": "title"}', 3, SYSUTCDATETIME())""",
                Statement.RETURN_GENERATED_KEYS)) {
            assertEquals(1, insert.executeUpdate());
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertTrue(keys.next());
                catalogId = keys.getLong(1);
            }
        }
        String product = """
                INSERT INTO products (catalog_id, row_no, source_id, title, description, category, price, attributes,
                                      predicted_category)
                VALUES (?, ?, 'p', ?, 'Long text', 'apparel', ?, '{"style": "tee"}', ?)""";
        for (int row = 1; row <= 3; row++) {
            try (PreparedStatement insert = db.prepareStatement(product)) {
                insert.setLong(1, catalogId);
                insert.setInt(2, row);
                insert.setString(3, "Tee \u2603 " + row);
                insert.setBigDecimal(4, new java.math.BigDecimal("1234567890.99"));
                insert.setString(5, row == 3 ? null : "apparel");
                assertEquals(1, insert.executeUpdate());
            }
        }
        try (PreparedStatement counts = db.prepareStatement("SELECT predicted_category AS category, COUNT(*) AS count"
                + " FROM products WHERE catalog_id = ? GROUP BY predicted_category ORDER BY count DESC, category")) {
            counts.setLong(1, catalogId);
            try (ResultSet row = counts.executeQuery()) {
                assertTrue(row.next());
                assertEquals("apparel", row.getString(1));
                assertEquals(2, row.getLong(2));
                assertTrue(row.next());
                assertNull(row.getString(1));
                assertEquals(1, row.getLong(2));
                assertFalse(row.next());
            }
        }
        assertEquals(1, count(db, "SELECT COUNT(DISTINCT description) FROM products"));
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO product_dictionary (catalog_id, column_name, description, updated_at)
                VALUES (?, 'title', 'Shop name', SYSUTCDATETIME())""")) {
            insert.setLong(1, catalogId);
            assertEquals(1, insert.executeUpdate());
        }
        String list = """
                INSERT INTO category_lists (owner_id, name, categories_json, updated_at)
                VALUES ('alice', 'retail', '[{"name": "apparel"}]', SYSUTCDATETIME())""";
        try (PreparedStatement insert = db.prepareStatement(list)) {
            assertEquals(1, insert.executeUpdate());
        }
        SQLException duplicate = null;
        try (PreparedStatement insert = db.prepareStatement(list)) {
            insert.executeUpdate();
        } catch (SQLException e) {
            duplicate = e;
        }
        assertTrue(duplicate != null, "one list name per owner");
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM product_catalogs WHERE id = ?")) {
            delete.setLong(1, catalogId);
            assertEquals(1, delete.executeUpdate());
        }
        assertEquals(0, count(db, "SELECT COUNT(*) FROM products"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM product_dictionary"));
    }

    private static int count(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
