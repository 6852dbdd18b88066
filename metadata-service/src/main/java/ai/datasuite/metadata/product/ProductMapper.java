package ai.datasuite.metadata.product;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Entities to API views; the stored JSON columns become objects. */
@ApplicationScoped
public class ProductMapper {

    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public ProductMapper(ObjectMapper json) {
        this.json = json;
    }

    public CatalogView toView(ProductCatalog c, long[] labels, List<RowError> skipped, Integer skippedCount) {
        return new CatalogView(c.getId(), c.getName(), c.getVersion(), c.getOwnerId(), c.getSourceName(),
                c.getFormat(), strings(c.getMappingJson()), c.getRowCount(), labels[0], labels[1],
                c.getParquetFileId(), c.getCreatedAt(),
                skipped == null ? null : skipped.stream().map(RowError::member).toList(), skippedCount);
    }

    public ProductView toView(Product p) {
        ProductView.Predicted predicted = p.getPredictedCategory() == null ? null
                : new ProductView.Predicted(p.getPredictedCategory(), p.getPredictedScore(), p.getPredictedMode(),
                        p.getPredictedModelVersion(), p.getCategorizedAt());
        return new ProductView(p.getId(), p.getCatalogId(), p.getRowNumber(), p.getSourceId(), p.getTitle(),
                p.getDescription(), p.getCategory(), p.getPrice(), strings(p.getAttributes()), predicted);
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot be written as JSON", e);
        }
    }

    Map<String, String> strings(String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return json.readValue(stored, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable", e);
        }
    }
}
