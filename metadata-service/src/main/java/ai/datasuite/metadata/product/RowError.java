package ai.datasuite.metadata.product;

import java.util.LinkedHashMap;
import java.util.Map;

/** One refused row of an import: 1-based data row (header excluded), the canonical column or null, what is wrong. */
public record RowError(int row, String column, String message) {

    /** The JSON member of a problem's {@code errors} or a catalog's {@code skipped}. */
    public Map<String, Object> member() {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("row", row);
        member.put("column", column);
        member.put("message", message);
        return member;
    }
}
