package ai.datasuite.gateway.product;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product job as the public API shows it. */
@Schema(name = "ProductJob")
public record JobView(String id,
                      @Schema(enumeration = {"import", "categorize"}) String kind,
                      long catalogId,
                      @Schema(enumeration = {"queued", "running", "succeeded", "failed"}) String status,
                      @Schema(enumeration = {"parquet", "index", "classify", "store"}) String stage,
                      long done, long total, String message, String error, Instant createdAt, Instant finishedAt) {
}
