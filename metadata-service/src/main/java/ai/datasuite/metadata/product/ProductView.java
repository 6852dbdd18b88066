package ai.datasuite.metadata.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One product; predicted is null until a categorization stored one. */
@Schema(name = "Product")
public record ProductView(long id, long catalogId, int rowNumber, String sourceId, String title, String description,
                          String category, BigDecimal price, Map<String, String> attributes, Predicted predicted) {

    /** The latest stored prediction. */
    @Schema(name = "ProductPrediction")
    public record Predicted(String category, Double score, String mode, String modelVersion, Instant categorizedAt) {
    }
}
