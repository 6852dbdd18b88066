package ai.datasuite.gateway.config;

import jakarta.validation.constraints.Min;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Product catalogs ({@code /api/v1/products}): the import's size, the batches the jobs send to inference-service and
 * retrieval-service, and the bounds of the in-memory jobs.
 */
@ConfigMapping(prefix = "gateway.products")
public interface ProductsConfig {

    /** The largest CSV or JSON-lines file an import takes (413 above it; metadata's own limit is the same). */
    @WithDefault("50M")
    MemorySize maxImportBytes();

    /** Products sent to retrieval-service per index call (its limit is retrieval.collections.max-items-per-request). */
    @WithDefault("128")
    @Min(1)
    int indexBatch();

    /** Product texts sent to inference-service per classify call (its limit is inference.classify.max-texts). */
    @WithDefault("128")
    @Min(1)
    int classifyBatch();

    /** Labelled products per category taken as few-shot examples. */
    @WithDefault("20")
    @Min(1)
    int fewShotPerCategory();

    /** Jobs kept in memory (all owners); the oldest finished one is dropped for a new one. */
    @WithDefault("200")
    @Min(1)
    int maxJobsKept();

    /** Jobs running at the same time; more wait their turn (status queued). */
    @WithDefault("2")
    @Min(1)
    int jobThreads();

    /** The largest k of {@code GET /api/v1/products/{id}/similar}. */
    @WithDefault("50")
    @Min(1)
    int similarMaxK();

    /** Products read from metadata-service per page (its limit is 500). */
    @WithDefault("500")
    @Min(1)
    int pageSize();
}
