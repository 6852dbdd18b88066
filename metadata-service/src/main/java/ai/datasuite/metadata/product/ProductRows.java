package ai.datasuite.metadata.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.datasuite.metadata.config.MetadataConfig;

/**
 * Turns source rows into unsaved {@link Product}s through a column mapping, collecting every row's problems: title
 * required and within metadata.products.max-title-chars, description within max-description-chars, price a number
 * (empty: none). A category cell holding a JSON list (Flipkart's {@code ["A >> B >> C"]}) or an {@code A >> B} path
 * gives category A, and the whole path goes to attributes.category_path. Unmapped columns become attributes.
 */
final class ProductRows {

    static final int MAX_SHORT_TEXT = 255;
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000000");

    /** Products in file order and the problems of the rows left out. */
    record Result(List<Product> products, List<RowError> errors) {
    }

    private final ObjectMapper json;
    private final MetadataConfig.Products limits;

    ProductRows(ObjectMapper json, MetadataConfig.Products limits) {
        this.json = json;
        this.limits = limits;
    }

    Result convert(List<ProductImportParser.SourceRow> rows, Map<String, String> mapping) {
        Set<String> mapped = new HashSet<>(mapping.values());
        List<Product> products = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (ProductImportParser.SourceRow source : rows) {
            int before = errors.size();
            Row row = new Row(source, errors);
            Product product = new Product();
            product.setRowNumber(source.row());
            Map<String, String> attributes = new LinkedHashMap<>();

            String title = row.text(mapping, ColumnMapping.TITLE);
            if (title == null) {
                row.error(ColumnMapping.TITLE, "is required");
            } else if (codePoints(title) > limits.maxTitleChars()) {
                row.error(ColumnMapping.TITLE, "must be at most " + limits.maxTitleChars()
                        + " characters (metadata.products.max-title-chars)");
            }
            product.setTitle(title);

            String description = row.text(mapping, ColumnMapping.DESCRIPTION);
            if (description != null && codePoints(description) > limits.maxDescriptionChars()) {
                row.error(ColumnMapping.DESCRIPTION, "must be at most " + limits.maxDescriptionChars()
                        + " characters (metadata.products.max-description-chars)");
            }
            product.setDescription(description);

            String category = row.text(mapping, ColumnMapping.CATEGORY);
            if (category != null) {
                String path = categoryPath(category);
                if (path != null) {
                    attributes.put("category_path", path);
                    category = firstSegment(path);
                }
                product.setCategory(row.shortText(ColumnMapping.CATEGORY, category));
            }
            product.setSourceId(row.shortText(ColumnMapping.ID, row.text(mapping, ColumnMapping.ID)));
            product.setPrice(row.price(row.text(mapping, ColumnMapping.PRICE)));

            source.values().forEach((column, value) -> {
                if (!mapped.contains(column) && value != null && !value.isBlank()) {
                    attributes.putIfAbsent(column, value);
                }
            });
            product.setAttributes(attributes.isEmpty() ? null : write(attributes));
            if (errors.size() == before) {
                products.add(product);
            }
        }
        return new Result(products, errors);
    }

    /**
     * The category path a cell holds: the first string of a JSON list, or the cell itself when it is an
     * {@code A >> B} path; null for a plain category.
     */
    private String categoryPath(String cell) {
        if (cell.startsWith("[")) {
            try {
                JsonNode node = json.readTree(cell);
                if (node != null && node.isArray() && !node.isEmpty() && node.get(0).isValueNode()) {
                    String first = node.get(0).asText().strip();
                    return first.isEmpty() ? null : first;
                }
            } catch (JsonProcessingException e) {
                // Not JSON after all: the cell is the category as written.
            }
            return null;
        }
        return cell.contains(">>") ? cell : null;
    }

    private static String firstSegment(String path) {
        int cut = path.indexOf(">>");
        return (cut >= 0 ? path.substring(0, cut) : path).strip();
    }

    private String write(Map<String, String> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Attributes cannot be written as JSON", e);
        }
    }

    static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    /** One row's values and the shared error list. */
    private static final class Row {

        private final ProductImportParser.SourceRow source;
        private final List<RowError> errors;

        Row(ProductImportParser.SourceRow source, List<RowError> errors) {
            this.source = source;
            this.errors = errors;
        }

        void error(String column, String message) {
            errors.add(new RowError(source.row(), column, message));
        }

        /** Trimmed; blank is absent. */
        String text(Map<String, String> mapping, String canonical) {
            String column = mapping.get(canonical);
            String value = column == null ? null : source.values().get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String shortText(String column, String value) {
            if (value != null && codePoints(value) > MAX_SHORT_TEXT) {
                error(column, "must be at most " + MAX_SHORT_TEXT + " characters");
            }
            return value;
        }

        /** A plain number (a leading currency sign and thousands commas are tolerated), kept to 2 decimals. */
        BigDecimal price(String value) {
            if (value == null) {
                return null;
            }
            String cleaned = value.replaceFirst("^[$€£₹]\\s*", "").replace(",", "");
            try {
                BigDecimal price = new BigDecimal(cleaned).setScale(2, RoundingMode.HALF_UP);
                if (price.abs().compareTo(MAX_PRICE) >= 0) {
                    error(ColumnMapping.PRICE, "must be below " + MAX_PRICE.toPlainString());
                    return null;
                }
                return price;
            } catch (NumberFormatException e) {
                error(ColumnMapping.PRICE, "must be a number, got '" + abbreviate(value) + "'");
                return null;
            }
        }

        private static String abbreviate(String value) {
            return value.length() > 40 ? value.substring(0, 40) + "..." : value;
        }
    }
}
