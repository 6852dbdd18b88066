package ai.datasuite.metadata.product;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A catalog version; skipped and skipped_count appear only in the answer of an import with on_error=skip. */
@Schema(name = "ProductCatalog")
public record CatalogView(long id, String name, int version, String owner, String sourceName, String format,
                          Map<String, String> mapping, int rowCount, long labelledCount, long categorizedCount,
                          String parquetFileId, Instant createdAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Object>> skipped,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer skippedCount) {
}
