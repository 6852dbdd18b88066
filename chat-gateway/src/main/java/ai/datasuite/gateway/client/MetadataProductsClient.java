package ai.datasuite.gateway.client;

import java.io.File;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import ai.datasuite.problem.remote.RemoteCall;
import ai.datasuite.problem.remote.RemoteCalls;
import ai.datasuite.problem.remote.RemoteDependency;
import ai.datasuite.problem.remote.RemoteNotReachedException;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * metadata-service's product catalogs behind timeout, retry and circuit breaker (numbers in application.properties,
 * {@code quarkus.fault-tolerance."ai.datasuite.gateway.client.MetadataProductsClient"...}). Reads, PATCHes, PUTs and
 * deletes are idempotent and retried; an import only when it never arrived (a replayed one would make a second
 * catalog version). 4xx answers are neither retried nor counted and reach the caller with metadata's own detail.
 * {@code authorization} is the caller's (or a job owner's) signed identity: metadata applies the owner rules.
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class MetadataProductsClient extends RemoteDependency {

    public static final String SERVICE = "metadata-service";

    /** The catalog fields the gateway works with (the public view is passed as metadata wrote it). */
    public record Catalog(long id, String name, Integer version, String owner, long rowCount, long labelledCount,
                          long categorizedCount, String parquetFileId, Instant createdAt) {
    }

    public record Predicted(String category, Double score, String mode, String modelVersion, Instant categorizedAt) {
    }

    public record Product(long id, long catalogId, int rowNumber, String sourceId, String title, String description,
                          String category, BigDecimal price, Map<String, Object> attributes, Predicted predicted) {

        /** The text classified and indexed: title + ". " + description (just the title without one). */
        public String text() {
            String t = title == null ? "" : title.strip();
            return description == null || description.isBlank() ? t : t + ". " + description.strip();
        }
    }

    public record ProductPage(List<Product> items, int page, int size, long total) {

        public List<Product> all() {
            return items == null ? List.of() : items;
        }
    }

    public record Prediction(long productId, String category, double score) {
    }

    public record PredictionsWrite(String mode, String modelVersion, List<Prediction> predictions) {
    }

    /** Product id (as text) to label, products without one left out. */
    public record Labels(long catalogId, String source, Map<String, String> labels) {
    }

    public record Category(String name, String description) {
    }

    public record CategoryList(String name, boolean builtin, String owner, List<Category> categories) {
    }

    private final MetadataProductsApi api;

    public MetadataProductsClient(@RestClient MetadataProductsApi api,
                                  @ConfigProperty(name = "quarkus.rest-client.metadata.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
    }

    /** Stores a catalog version from the file; row errors come back as metadata's 400. */
    @Retry(retryOn = RemoteNotReachedException.class, abortOn = RemoteRejectedException.class)
    public Catalog importCatalog(String name, String sourceName, String format, String mapping, String onError,
                                 File body, String authorization) {
        return RemoteCalls.call(this, () -> api.importCatalog(name, sourceName, format, mapping, onError, body,
                authorization));
    }

    public PassedBody catalogs(Integer page, Integer size, String authorization) {
        return RemoteCalls.call(this, () -> PassedBody.of(api.catalogs(page, size, authorization)));
    }

    /** The catalog, or empty when there is none the caller may see. */
    public Optional<Catalog> catalog(long id, String authorization) {
        return RemoteCalls.absentOn404(this, () -> api.catalog(id, authorization));
    }

    public PassedBody catalogAsIs(long id, String authorization) {
        return RemoteCalls.call(this, () -> PassedBody.of(api.catalogAsIs(id, authorization)));
    }

    public void deleteCatalog(long id, String authorization) {
        RemoteCalls.call(this, () -> {
            api.deleteCatalog(id, authorization);
            return Boolean.TRUE;
        });
    }

    /** Records where the catalog's Parquet file is stored. */
    public Catalog setParquetFile(long id, String fileId, String authorization) {
        JsonNode patch = JsonNodeFactory.instance.objectNode().put("parquet_file_id", fileId);
        return RemoteCalls.call(this, () -> api.patchCatalog(id, patch, authorization));
    }

    public ProductPage products(long id, int page, int size, String category, String authorization) {
        return RemoteCalls.call(this, () -> api.products(id, page, size, category, null, authorization));
    }

    public PassedBody productsAsIs(long id, Integer page, Integer size, String category, String predictedCategory,
                                   String authorization) {
        return RemoteCalls.call(this, () -> PassedBody.of(api.productsAsIs(id, page, size, category,
                predictedCategory, authorization)));
    }

    public Optional<Product> product(long productId, String authorization) {
        return RemoteCalls.absentOn404(this, () -> api.product(productId, authorization));
    }

    public PassedBody productAsIs(long productId, String authorization) {
        return RemoteCalls.call(this, () -> PassedBody.of(api.productAsIs(productId, authorization)));
    }

    /** The catalog as Parquet, written by metadata; the caller closes the stream. */
    public InputStream parquet(long id, String authorization) {
        return RemoteCalls.call(this, () -> api.parquet(id, authorization));
    }

    public PassedBody dictionary(long id, String authorization) {
        return RemoteCalls.call(this, () -> PassedBody.of(api.dictionary(id, authorization)));
    }

    public PassedBody describeColumn(long id, String column, JsonNode description, String authorization) {
        return RemoteCalls.call(this, () -> PassedBody.of(api.describeColumn(id, column, description,
                authorization)));
    }

    /** {@code dictionary.yaml} or {@code schema.yaml}. */
    public PassedBody yaml(long id, String file, String authorization) {
        return RemoteCalls.call(this, () -> PassedBody.of(api.yaml(id, file, authorization)));
    }

    public void putPredictions(long id, PredictionsWrite predictions, String authorization) {
        RemoteCalls.call(this, () -> api.putPredictions(id, predictions, authorization));
    }

    /** {@code source}: {@code true} (the catalog's own categories) or {@code predicted}. */
    public Labels labels(long id, String source, String authorization) {
        return RemoteCalls.call(this, () -> api.labels(id, source, authorization));
    }

    public PassedBody counts(Long catalogId, String source, String format, String authorization) {
        return RemoteCalls.call(this, () -> PassedBody.of(api.counts(catalogId, source, format, authorization)));
    }

    public PassedBody categoryLists(String authorization) {
        return RemoteCalls.call(this, () -> PassedBody.of(api.categoryLists(authorization)));
    }

    public CategoryList categoryList(String name, String authorization) {
        return RemoteCalls.call(this, () -> api.categoryList(name, authorization));
    }

    public PassedBody categoryListAsIs(String name, String authorization) {
        return RemoteCalls.call(this, () -> PassedBody.of(api.categoryListAsIs(name, authorization)));
    }

    public PassedBody putCategoryList(String name, JsonNode list, String authorization) {
        return RemoteCalls.call(this, () -> PassedBody.of(api.putCategoryList(name, list, authorization)));
    }

    public void deleteCategoryList(String name, String authorization) {
        RemoteCalls.call(this, () -> {
            api.deleteCategoryList(name, authorization);
            return Boolean.TRUE;
        });
    }
}
