package ai.datasuite.gateway.product;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.datasuite.gateway.client.MetadataProductsClient;
import ai.datasuite.gateway.client.MetadataProductsClient.Catalog;
import ai.datasuite.gateway.config.ProductsConfig;
import ai.datasuite.gateway.document.Acting;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * Imports a CSV or JSON-lines catalog: metadata-service validates and stores the rows while the caller waits (its
 * row errors come back as they are), then a job writes the Parquet file to the lake and indexes the products into
 * retrieval-service's collection {@code catalog-<id>}.
 */
@ApplicationScoped
public class ProductImportService {

    /** The multipart form as it arrived; {@code file} is the spooled upload. */
    public record ImportForm(File file, String fileName, String contentType, long size, String name, String mapping,
                             String onError) {
    }

    private final MetadataProductsClient metadata;
    private final ProductJobs jobs;
    private final CatalogParquet parquet;
    private final CatalogProducts products;
    private final Signed signed;
    private final ProductsConfig config;
    private final ObjectMapper json;

    public ProductImportService(MetadataProductsClient metadata, ProductJobs jobs, CatalogParquet parquet,
                                CatalogProducts products, Signed signed, ProductsConfig config, ObjectMapper json) {
        this.metadata = metadata;
        this.jobs = jobs;
        this.parquet = parquet;
        this.products = products;
        this.signed = signed;
        this.config = config;
        this.json = json;
    }

    public JobView start(ImportForm form, Caller caller) {
        if (form.file() == null) {
            throw ProblemException.validation("The form needs a 'file' part: the catalog as CSV or JSON lines.");
        }
        long max = config.maxImportBytes().asLongValue();
        if (form.size() > max) {
            throw new ProblemException(413, ProblemException.PAYLOAD_TOO_LARGE, "Payload too large", "The file has "
                    + form.size() + " bytes; an import takes at most " + max
                    + " bytes (gateway.products.max-import-bytes).", Map.of("max_import_bytes", max));
        }
        String format = format(form.fileName(), form.contentType());
        String onError = form.onError() == null || form.onError().isBlank() ? "reject"
                : form.onError().strip().toLowerCase(Locale.ROOT);
        if (!onError.equals("reject") && !onError.equals("skip")) {
            throw ProblemException.validation("on_error must be 'reject' (any bad row refuses the file) or 'skip'"
                    + " (bad rows are left out); it was '" + shortened(form.onError()) + "'.");
        }
        String mapping = mapping(form.mapping());
        String name = form.name() == null || form.name().isBlank() ? baseName(form.fileName()) : form.name().strip();
        Acting acting = Acting.of(caller);
        Catalog catalog;
        try {
            catalog = metadata.importCatalog(name, form.fileName(), format, mapping, onError, form.file(),
                    signed.as(acting));
        } catch (RemoteRejectedException e) {
            throw asTheyAre(e);
        }
        ProductJob job = new ProductJob(ProductJob.IMPORT, catalog.id(), acting, catalog.rowCount());
        return jobs.start(job, false, running -> {
            running.stage("parquet", catalog.rowCount(), "Writing the Parquet file");
            String parquetFailure = null;
            try {
                parquet.write(catalog, acting);
            } catch (ProblemException e) {
                // The index does not need the file: go on, and say at the end what is missing.
                parquetFailure = e.getMessage();
            }
            running.stage("index", catalog.rowCount(), "Indexing the products into collection "
                    + CatalogProducts.collection(catalog.id()));
            products.index(running);
            if (parquetFailure != null) {
                running.failed("The " + catalog.rowCount() + " products are indexed, but the Parquet file could not"
                        + " be stored: " + parquetFailure + " GET /api/v1/products/catalogs/" + catalog.id()
                        + "/parquet tries again.");
            } else {
                running.succeeded("Catalog " + catalog.id() + " stored as Parquet and " + catalog.rowCount()
                        + " products indexed");
            }
        });
    }

    /** csv or jsonl, from the file name, else its content type; anything else is 415. */
    static String format(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || type.startsWith("text/csv")) {
            return "csv";
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || type.startsWith("application/x-ndjson")
                || type.startsWith("application/jsonl")) {
            return "jsonl";
        }
        throw ProblemException.unsupportedMediaType("An import takes a CSV (.csv, text/csv) or JSON-lines (.jsonl,"
                + " application/x-ndjson) file; '" + shortened(fileName) + "' is neither.");
    }

    /** The mapping as compact JSON (an object of canonical column to source column), or null. */
    private String mapping(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(mapping);
            if (node != null && node.isObject()) {
                return json.writeValueAsString(node);
            }
        } catch (JsonProcessingException e) {
            // answered below
        }
        throw ProblemException.validation("mapping must be a JSON object of canonical to source column, e.g."
                + " {\"title\": \"product_name\", \"category\": \"product_category_tree\"}.");
    }

    /** metadata's 4xx with its own type and members (row errors, counts), not only its detail. */
    static ProblemException asTheyAre(RemoteRejectedException e) {
        Map<String, Object> remote = e.remoteProblem();
        Object type = remote.get("type");
        if (type == null || !String.valueOf(type).startsWith(Problems.TYPE_PREFIX)
                || e.status() != e.remoteStatus()) {
            return e;
        }
        Map<String, Object> members = new LinkedHashMap<>(remote);
        members.keySet().removeAll(java.util.Set.of("type", "title", "status", "detail", "instance"));
        members.values().removeIf(java.util.Objects::isNull);
        Object title = remote.getOrDefault("title", e.getMessage());
        String slug = String.valueOf(type).substring(Problems.TYPE_PREFIX.length());
        return new ProblemException(e.remoteStatus(), slug, String.valueOf(title), e.remoteDetail(), members);
    }

    static String baseName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "catalog" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String shortened(String text) {
        return text == null ? "" : text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
