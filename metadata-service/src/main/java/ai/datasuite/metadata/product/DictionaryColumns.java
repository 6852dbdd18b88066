package ai.datasuite.metadata.product;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns of a catalog as the Parquet file and the data dictionary show them: name, SQL type, the entity field
 * that holds them, and how the default description reads.
 */
final class DictionaryColumns {

    /** One column; {@code mappedFrom} is the canonical mapping key whose source column feeds it (null: none). */
    record Column(String name, String type, String field, String mappedFrom, boolean text, boolean required,
                  String about) {
    }

    static final List<Column> ALL = List.of(
            new Column("row_number", "INTEGER", "rowNumber", null, false, true,
                    "1-based data row of the source file (header excluded); the key of the catalog's rows"),
            new Column("id", "VARCHAR", "sourceId", ColumnMapping.ID, true, false,
                    "Product id as given by the source"),
            new Column("title", "VARCHAR", "title", ColumnMapping.TITLE, true, true, "Product title"),
            new Column("description", "VARCHAR", "description", ColumnMapping.DESCRIPTION, true, false,
                    "Product description"),
            new Column("category", "VARCHAR", "category", ColumnMapping.CATEGORY, true, false,
                    "True category (a category path's first segment; the whole path is in attributes.category_path)"),
            new Column("price", "DECIMAL(14,2)", "price", ColumnMapping.PRICE, false, false,
                    "Price, rounded to 2 decimals"),
            new Column("attributes", "VARCHAR", "attributes", null, true, false,
                    "The source's other columns as a JSON object of strings"));

    private DictionaryColumns() {
    }

    static Optional<Column> named(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** DuckDB DDL of the Parquet export's table. */
    static String createTable(String table) {
        return "CREATE TABLE " + table + " (" + ALL.stream().map(c -> c.name() + " " + c.type())
                .collect(Collectors.joining(", ")) + ")";
    }
}
