package ai.datasuite.metadata.product;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import ai.datasuite.metadata.common.InvalidField;
import ai.datasuite.problem.ProblemException;

/**
 * Reads a product file (CSV with a header row, RFC 4180 quoting, or JSON lines) into source rows: each row's values
 * by source column name, as strings. Rows that cannot be read at all are row errors; the mapping to product columns
 * is {@link ProductRows}' job.
 */
@ApplicationScoped
public class ProductImportParser {

    /** One readable data row: 1-based number (header excluded) and its values by source column. */
    public record SourceRow(int row, Map<String, String> values) {
    }

    /** The columns in file order (JSONL: first seen), the readable rows, and the rows that could not be read. */
    public record Source(List<String> columns, List<SourceRow> rows, List<RowError> errors) {
    }

    private final ObjectMapper json;

    public ProductImportParser(ObjectMapper json) {
        this.json = json;
    }

    public Source read(byte[] body, ProductFormat format, int maxRows) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return format == ProductFormat.JSONL ? readJsonLines(text, maxRows) : readCsv(text, maxRows);
    }

    private Source readJsonLines(String text, int maxRows) {
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        List<SourceRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int row = 0;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            row++;
            tooMany(row, maxRows);
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JsonProcessingException e) {
                errors.add(new RowError(row, null, "invalid JSON: " + firstLine(e.getOriginalMessage())));
                continue;
            }
            if (node == null || !node.isObject()) {
                errors.add(new RowError(row, null, "each line must be a JSON object"));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                // Nested objects and arrays stay JSON text; numbers and booleans as written.
                values.put(field.getKey(), value.isNull() ? null : value.isValueNode() ? value.asText()
                        : value.toString());
                columns.add(field.getKey());
            }
            rows.add(new SourceRow(row, values));
        }
        if (row == 0) {
            throw ProblemException.validation("The file has no rows");
        }
        return new Source(List.copyOf(columns), rows, errors);
    }

    private Source readCsv(String text, int maxRows) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .get();
        List<SourceRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        List<String> header;
        int row = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw ProblemException.validation("The file has no header row");
            }
            try {
                for (CSVRecord record : parser) {
                    row++;
                    tooMany(row, maxRows);
                    if (record.size() != header.size()) {
                        errors.add(new RowError(row, null, "expected " + header.size() + " columns, found "
                                + record.size()));
                        continue;
                    }
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int c = 0; c < header.size(); c++) {
                        values.put(header.get(c), record.get(c));
                    }
                    rows.add(new SourceRow(row, values));
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                // The tokenizer cannot recover (e.g. an unterminated quote): the rest of the file is unreadable.
                errors.add(new RowError(row + 1, null, "invalid CSV: " + firstLine(e.getMessage())));
            }
        } catch (IllegalArgumentException e) {
            throw InvalidField.problem("file", "has an unusable header row: " + firstLine(e.getMessage()));
        } catch (IOException | UncheckedIOException e) {
            throw InvalidField.problem("file", "is not readable CSV: " + firstLine(e.getMessage()));
        }
        return new Source(header, rows, errors);
    }

    private static void tooMany(int row, int maxRows) {
        if (row > maxRows) {
            throw ProblemException.tooLarge("More than " + maxRows + " product rows in one import"
                    + " (metadata.products.max-rows)");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int cut = message.indexOf('\n');
        return cut >= 0 ? message.substring(0, cut) : message;
    }
}
