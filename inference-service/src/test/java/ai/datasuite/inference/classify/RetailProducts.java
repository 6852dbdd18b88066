package ai.datasuite.inference.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Retail Demo Store catalog in the test resources (2,465 products, 20 true categories; MIT-0, see
 * products/README.md): each product's classification text (title + ". " + description, as the gateway builds it)
 * and its category.
 */
record RetailProducts(List<String> texts, List<String> categories) {

    static final String RESOURCE = "/products/retail-demo-store-products.csv";

    /** The catalog's own 20 category names, largest first. */
    static final List<String> CATEGORIES = List.of("furniture", "apparel", "accessories", "housewares", "seasonal",
            "groceries", "homedecor", "footwear", "instruments", "floral", "electronics", "outdoors", "jewelry",
            "beauty", "tools", "books", "food service", "salty snacks", "cold dispensed", "hot dispensed");

    static RetailProducts load() {
        try (InputStream in = RetailProducts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            List<List<String>> rows = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> header = rows.get(0);
            int title = header.indexOf("title");
            int description = header.indexOf("description");
            int category = header.indexOf("category");
            List<String> texts = new ArrayList<>();
            List<String> categories = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                String d = row.get(description).strip();
                texts.add(d.isEmpty() ? row.get(title).strip() : row.get(title).strip() + ". " + d);
                categories.add(row.get(category).strip());
            }
            return new RetailProducts(List.copyOf(texts), List.copyOf(categories));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
