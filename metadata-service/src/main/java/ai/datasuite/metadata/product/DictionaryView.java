package ai.datasuite.metadata.product;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The data dictionary of a catalog: its columns (those of the Parquet file) with descriptions and statistics. */
@Schema(name = "ProductDictionary")
public record DictionaryView(long catalogId, String name, int version, long rows, List<ColumnView> columns) {

    /** One column: text columns have lengths, numeric ones min/max; examples are up to 5 distinct values. */
    @Schema(name = "ProductDictionaryColumn")
    public record ColumnView(String name, String type, String description, long nullCount, long distinctCount,
                             Integer minLength, Integer maxLength, Object min, Object max, List<Object> examples) {
    }
}
