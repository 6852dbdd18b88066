package ai.datasuite.metadata.product;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes a catalog's rows as a Parquet file with DuckDB's own writer: an in-memory DuckDB per export, a table with
 * the dictionary's typed columns filled through DuckDB's Appender, then {@code COPY t TO '<file>' (FORMAT parquet)}.
 * The file is temporary (under the data dir); the caller streams it and deletes it.
 */
@ApplicationScoped
public class ParquetExport {

    public static final String MEDIA_TYPE = "application/vnd.apache.parquet";
    private static final Logger LOG = Logger.getLogger(ParquetExport.class);

    private final CatalogService catalogs;
    private final ProductRepository products;
    private final Path tempDir;

    public ParquetExport(CatalogService catalogs, ProductRepository products,
                         @ConfigProperty(name = "suite.data-dir") String dataDir) {
        this.catalogs = catalogs;
        this.products = products;
        this.tempDir = Path.of(dataDir, "metadata", "parquet-tmp");
    }

    /** The Parquet file of the catalog, in a temporary file the caller must delete. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Path write(long catalogId, Predicate<String> canSee) {
        catalogs.visible(catalogId, canSee);
        Path file;
        try {
            Files.createDirectories(tempDir);
            file = Files.createTempFile(tempDir, "catalog-" + catalogId + "-", ".parquet");
            // Only the unique name is wanted: COPY creates the file itself.
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The Parquet export cannot create its temporary file", e);
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Stream<Object[]> rows = products.getEntityManager().createQuery("""
                             select p.rowNumber, p.sourceId, p.title, p.description, p.category, p.price,
                                    p.attributes from Product p where p.catalogId = :id order by p.rowNumber""",
                             Object[].class)
                     .setParameter("id", catalogId).getResultStream()) {
            try (Statement ddl = duck.createStatement()) {
                ddl.execute(DictionaryColumns.createTable("t"));
            }
            // The Appender writes column vectors directly: far faster than row-by-row INSERTs for large catalogs.
            try (DuckDBAppender appender = duck.unwrap(DuckDBConnection.class).createAppender("t")) {
                for (Object[] row : (Iterable<Object[]>) rows::iterator) {
                    appender.beginRow().append((Integer) row[0]).append((String) row[1]).append((String) row[2])
                            .append((String) row[3]).append((String) row[4]);
                    if (row[5] == null) {
                        appender.appendNull();
                    } else {
                        appender.append((BigDecimal) row[5]);
                    }
                    appender.append((String) row[6]).endRow();
                }
            }
            try (Statement copy = duck.createStatement()) {
                copy.execute("COPY t TO '" + file.toAbsolutePath().toString().replace("'", "''")
                        + "' (FORMAT parquet)");
            }
            return file;
        } catch (SQLException e) {
            delete(file);
            throw new IllegalStateException("DuckDB could not write the Parquet file of catalog " + catalogId, e);
        }
    }

    /** Removes a temporary file; a failure is only logged (the directory is a scratch space). */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the temporary Parquet file %s: %s", file, e.getMessage());
        }
    }

    /** The column names in file order (also the data dictionary's). */
    public static List<String> columns() {
        return DictionaryColumns.ALL.stream().map(DictionaryColumns.Column::name).toList();
    }
}
