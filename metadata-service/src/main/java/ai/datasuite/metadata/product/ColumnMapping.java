package ai.datasuite.metadata.product;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.datasuite.metadata.common.InvalidField;

/**
 * Which source column feeds each canonical product column (title, description, category, price, id): as the caller
 * gave it, or detected from the header by the synonyms below (the first synonym present wins).
 */
public final class ColumnMapping {

    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String CATEGORY = "category";
    public static final String PRICE = "price";
    public static final String ID = "id";

    // Order matters twice: the canonical columns' order in a mapping, and each synonym list's preference.
    static final Map<String, List<String>> SYNONYMS = synonyms();

    private ColumnMapping() {
    }

    private static Map<String, List<String>> synonyms() {
        Map<String, List<String>> s = new LinkedHashMap<>();
        s.put(TITLE, List.of("title", "name", "product_name", "product_title"));
        s.put(DESCRIPTION, List.of("description", "desc", "product_description", "body"));
        s.put(CATEGORY, List.of("category", "product_category_tree", "category_name", "product_category"));
        s.put(PRICE, List.of("price", "retail_price", "discounted_price", "list_price"));
        s.put(ID, List.of("id", "uniq_id", "product_id", "pid", "sku"));
        return s;
    }

    /** Canonical column to source column, detected from the header; title absent is a 400 asking for a mapping. */
    public static Map<String, String> detect(List<String> header) {
        Map<String, String> byNormalised = new LinkedHashMap<>();
        for (String column : header) {
            byNormalised.putIfAbsent(normalise(column), column);
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> canonical : SYNONYMS.entrySet()) {
            for (String synonym : canonical.getValue()) {
                String source = byNormalised.get(synonym);
                if (source != null && !mapping.containsValue(source)) {
                    mapping.put(canonical.getKey(), source);
                    break;
                }
            }
        }
        if (!mapping.containsKey(TITLE)) {
            throw InvalidField.problem("mapping", "is needed: no title column found in " + header
                    + " (looked for " + String.join(", ", SYNONYMS.get(TITLE)) + ")");
        }
        return mapping;
    }

    /** The caller's mapping, checked: known canonical names, title present, every source column in the header. */
    public static Map<String, String> given(Map<String, String> requested, List<String> header) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String key : requested.keySet()) {
            if (!SYNONYMS.containsKey(key)) {
                throw InvalidField.problem("mapping", "has an unknown column '" + key + "' (known: "
                        + String.join(", ", SYNONYMS.keySet()) + ")");
            }
        }
        for (String canonical : SYNONYMS.keySet()) {
            String source = requested.get(canonical);
            if (source == null || source.isBlank()) {
                continue;
            }
            if (!header.contains(source)) {
                throw InvalidField.problem("mapping", "names the column '" + source + "' for " + canonical
                        + ", which the file does not have (columns: " + header + ")");
            }
            mapping.put(canonical, source);
        }
        if (!mapping.containsKey(TITLE)) {
            throw InvalidField.problem("mapping", "must name the title column");
        }
        return mapping;
    }

    static String normalise(String key) {
        return key.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
