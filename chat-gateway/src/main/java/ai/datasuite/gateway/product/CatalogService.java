package ai.datasuite.gateway.product;

import java.io.InputStream;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import ai.datasuite.gateway.client.IngestContentClient;
import ai.datasuite.gateway.client.MetadataProductsClient;
import ai.datasuite.gateway.client.MetadataProductsClient.Catalog;
import ai.datasuite.gateway.client.PassedBody;
import ai.datasuite.gateway.document.Acting;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;

/**
 * The catalog reads and edits passed to metadata-service as the caller (its answers and problems come back as they
 * are), and the Parquet download from ingest-service, written first when the catalog has none yet.
 */
@ApplicationScoped
public class CatalogService {

    private final MetadataProductsClient metadata;
    private final IngestContentClient content;
    private final CatalogParquet parquet;
    private final Signed signed;

    public CatalogService(MetadataProductsClient metadata, IngestContentClient content, CatalogParquet parquet,
                          Signed signed) {
        this.metadata = metadata;
        this.content = content;
        this.parquet = parquet;
        this.signed = signed;
    }

    /** A Parquet file to stream: its name and bytes (the caller closes them). */
    public record ParquetFile(String name, InputStream bytes) {
    }

    public ParquetFile parquet(long catalogId, Caller caller) {
        Acting acting = Acting.of(caller);
        Catalog catalog = catalog(catalogId, caller);
        String fileId = catalog.parquetFileId();
        Optional<InputStream> bytes = fileId == null ? Optional.empty() : content.content(fileId, signed.as(acting));
        if (bytes.isEmpty()) {
            // Not written yet (its import job still runs or failed) or gone from the lake: write it now.
            fileId = parquet.write(catalog, acting);
            String written = fileId;
            bytes = Optional.of(content.content(written, signed.as(acting)).orElseThrow(() ->
                    new IllegalStateException("ingest-service does not find the Parquet file " + written
                            + " it just stored")));
        }
        return new ParquetFile(CatalogParquet.fileName(catalog), bytes.get());
    }

    public Catalog catalog(long catalogId, Caller caller) {
        return metadata.catalog(catalogId, signed.as(caller))
                .orElseThrow(() -> ProblemException.notFound("No product catalog " + catalogId));
    }

    public PassedBody catalogs(Integer page, Integer size, Caller caller) {
        return metadata.catalogs(page, size, signed.as(caller));
    }

    public PassedBody catalogAsIs(long id, Caller caller) {
        return metadata.catalogAsIs(id, signed.as(caller));
    }

    public PassedBody products(long id, Integer page, Integer size, String category, String predictedCategory,
                               Caller caller) {
        return metadata.productsAsIs(id, page, size, category, predictedCategory, signed.as(caller));
    }

    public PassedBody product(long productId, Caller caller) {
        return metadata.productAsIs(productId, signed.as(caller));
    }

    public PassedBody dictionary(long id, Caller caller) {
        return metadata.dictionary(id, signed.as(caller));
    }

    public PassedBody describeColumn(long id, String column, JsonNode body, Caller caller) {
        return metadata.describeColumn(id, column, body, signed.as(caller));
    }

    /** {@code dictionary.yaml} or {@code schema.yaml}. */
    public PassedBody yaml(long id, String file, Caller caller) {
        return metadata.yaml(id, file, signed.as(caller));
    }

    public PassedBody counts(Long catalogId, String source, String format, String accept, Caller caller) {
        String chosen = format;
        if (chosen == null && accept != null && ExploreService.PNG.equals(ExploreService.accept(null, accept))) {
            chosen = "png";
        }
        return metadata.counts(catalogId, source, chosen, signed.as(caller));
    }

    public PassedBody categoryLists(Caller caller) {
        return metadata.categoryLists(signed.as(caller));
    }

    public PassedBody categoryList(String name, Caller caller) {
        return metadata.categoryListAsIs(name, signed.as(caller));
    }

    public PassedBody putCategoryList(String name, JsonNode body, Caller caller) {
        return metadata.putCategoryList(name, body, signed.as(caller));
    }

    public void deleteCategoryList(String name, Caller caller) {
        metadata.deleteCategoryList(name, signed.as(caller));
    }
}
