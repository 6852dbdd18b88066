package ai.datasuite.gateway.product;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.datasuite.gateway.client.IngestUploadsClient;
import ai.datasuite.gateway.client.MetadataProductsClient;
import ai.datasuite.gateway.client.MetadataProductsClient.Catalog;
import ai.datasuite.gateway.document.Acting;

/**
 * Puts a catalog's Parquet file in the lake: metadata-service writes it (DuckDB, from the SQL rows), ingest-service
 * stores it, and metadata records the file id on the catalog. The bytes pass through a spool file under
 * {@code ${suite.data-dir}/products}, never memory.
 */
@ApplicationScoped
public class CatalogParquet {

    static final String MEDIA_TYPE = "application/vnd.apache.parquet";

    private final MetadataProductsClient metadata;
    private final IngestUploadsClient uploads;
    private final Signed signed;
    private final Path spool;

    public CatalogParquet(MetadataProductsClient metadata, IngestUploadsClient uploads, Signed signed,
                          @ConfigProperty(name = "suite.data-dir") String dataDir) {
        this.metadata = metadata;
        this.uploads = uploads;
        this.signed = signed;
        this.spool = Path.of(dataDir, "products");
    }

    /** Writes and stores the catalog's Parquet file for {@code acting}; returns ingest's file id. */
    public String write(Catalog catalog, Acting acting) {
        Path file = null;
        try {
            Files.createDirectories(spool);
            file = Files.createTempFile(spool, "catalog-" + catalog.id() + "-", ".parquet");
            try (InputStream in = metadata.parquet(catalog.id(), signed.as(acting))) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            String id = uploads.upload(acting.user(), acting.role(), fileName(catalog), file,
                    "{\"data_type\":\"product-catalog\",\"tags\":[\"catalog-" + catalog.id() + "\"]}").file().id();
            metadata.setParquetFile(catalog.id(), id, signed.as(acting));
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover spool file is harmless: the next start does not read it
                }
            }
        }
    }

    /** {@code <name>-v<version>.parquet}, the name kept to safe characters. */
    static String fileName(Catalog catalog) {
        String name = catalog.name() == null ? "catalog-" + catalog.id() : catalog.name();
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + "-v" + (catalog.version() == null ? 1 : catalog.version())
                + ".parquet";
    }
}
