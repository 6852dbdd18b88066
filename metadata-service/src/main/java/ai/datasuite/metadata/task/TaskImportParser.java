package ai.datasuite.metadata.task;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import ai.datasuite.problem.ProblemException;

/**
 * Reads GAIA-style task files (JSONL or CSV with a header row) into unsaved {@link Task}s, collecting every row's
 * problems instead of stopping at the first, so the caller can fix the whole file in one go.
 */
@ApplicationScoped
class TaskImportParser {

    /** Parsed tasks in file order, or the problems that forbid importing any of them. */
    public record Result(List<Task> tasks, List<RowError> errors) {
    }

    private static final String ANNOTATOR_PREFIX = "annotator_metadata_";
    // GAIA's and our own spellings of the same field, after normalising (lower case, '_' for anything else).
    private static final Map<String, String> ALIASES = Map.of(
            "how_long_did_this_take", "how_long",
            "taskid", "task_id",
            "answer", "final_answer",
            "filename", "file_name");

    private final ObjectMapper objectMapper;

    public TaskImportParser(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public Result parse(byte[] body, ImportFormat format, int maxRows) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Collector collector = new Collector();
        if (format == ImportFormat.JSONL) {
            readJsonLines(text, maxRows, collector);
        } else {
            readCsv(text, maxRows, collector);
        }
        return new Result(collector.tasks, collector.errors);
    }

    private void readJsonLines(String text, int maxRows, Collector collector) {
        String[] lines = text.split("\r?\n", -1);
        int rows = 0;
        for (int i = 0; i < lines.length; i++) {
            int row = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (++rows > maxRows) {
                throw ProblemException.tooLarge("More than " + maxRows + " task rows in one import");
            }
            JsonNode node;
            try {
                node = objectMapper.readTree(line);
            } catch (JsonProcessingException e) {
                collector.error(row, null, "invalid JSON: " + firstLine(e.getOriginalMessage()));
                continue;
            }
            if (node == null || !node.isObject()) {
                collector.error(row, null, "each line must be a JSON object");
                continue;
            }
            Map<String, String> values = new HashMap<>();
            flatten(node, "", values);
            collector.add(row, values);
        }
    }

    private void flatten(JsonNode node, String prefix, Map<String, String> values) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + normalise(field.getKey());
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(value, key + "_", values);
            } else if (value.isNull()) {
                values.put(canonical(key), null);
            } else if (value.isValueNode()) {
                values.put(canonical(key), value.asText());
            } else {
                values.put(canonical(key), value.toString());
            }
        }
    }

    private void readCsv(String text, int maxRows, Collector collector) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .get();
        int row = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            List<String> keys = header.stream().map(h -> canonical(normalise(h))).toList();
            for (String required : List.of("task_id", "question", "level")) {
                if (!keys.contains(required)) {
                    collector.error(0, required, "missing column in the header row");
                }
            }
            if (!collector.errors.isEmpty()) {
                return;
            }
            for (CSVRecord record : parser) {
                row++;
                if (row > maxRows) {
                    throw ProblemException.tooLarge("More than " + maxRows + " task rows in one import");
                }
                if (record.size() != header.size()) {
                    collector.error(row, null, "expected " + header.size() + " columns, found " + record.size());
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int c = 0; c < keys.size(); c++) {
                    values.put(keys.get(c), record.get(c));
                }
                collector.add(row, values);
            }
        } catch (IllegalArgumentException e) {
            // Duplicate or otherwise unusable header names.
            collector.error(0, null, "invalid header row: " + firstLine(e.getMessage()));
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // The CSV tokenizer cannot recover (e.g. an unterminated quote), so the rest of the file is unreadable.
            collector.error(row + 1, null, "invalid CSV: " + firstLine(e.getMessage()));
        }
    }

    static String normalise(String key) {
        return key.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    private static String canonical(String key) {
        String k = key.startsWith(ANNOTATOR_PREFIX) ? key.substring(ANNOTATOR_PREFIX.length()) : key;
        return ALIASES.getOrDefault(k, k);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int cut = message.indexOf('\n');
        return cut >= 0 ? message.substring(0, cut) : message;
    }

    /** Validates rows into tasks, remembering where each task_id was first seen. */
    private static final class Collector {

        private final List<Task> tasks = new ArrayList<>();
        private final List<RowError> errors = new ArrayList<>();
        private final Map<String, Integer> seen = new LinkedHashMap<>();

        void error(int row, String field, String message) {
            errors.add(new RowError(row, field, message));
        }

        void add(int row, Map<String, String> values) {
            int before = errors.size();
            Task task = new Task();
            String taskId = text(values, "task_id");
            if (taskId == null) {
                error(row, "task_id", "is required");
            } else if (taskId.length() > 255) {
                error(row, "task_id", "must be at most 255 characters");
            } else if (seen.containsKey(taskId)) {
                error(row, "task_id", "duplicate of row " + seen.get(taskId));
            } else {
                seen.put(taskId, row);
            }
            task.setTaskId(taskId);

            String question = text(values, "question");
            if (question == null) {
                error(row, "question", "is required");
            }
            task.setQuestion(question);

            String level = text(values, "level");
            if (level == null) {
                error(row, "level", "is required");
            } else {
                Integer parsed = integer(level);
                if (parsed == null || parsed < 1 || parsed > 3) {
                    error(row, "level", "must be 1, 2 or 3");
                } else {
                    task.setLevel(parsed);
                }
            }
            task.setFinalAnswer(raw(values, "final_answer"));
            task.setFileName(limited(row, values, "file_name", 1024));
            task.setSteps(raw(values, "steps"));
            task.setNumberOfSteps(count(row, values, "number_of_steps"));
            task.setHowLong(limited(row, values, "how_long", 255));
            task.setTools(raw(values, "tools"));
            task.setNumberOfTools(count(row, values, "number_of_tools"));
            if (errors.size() == before) {
                tasks.add(task);
            }
        }

        private Integer count(int row, Map<String, String> values, String field) {
            String value = text(values, field);
            if (value == null) {
                return null;
            }
            Integer parsed = integer(value);
            if (parsed == null || parsed < 0) {
                error(row, field, "must be a whole number >= 0");
                return null;
            }
            return parsed;
        }

        private String limited(int row, Map<String, String> values, String field, int max) {
            String value = text(values, field);
            if (value != null && value.length() > max) {
                error(row, field, "must be at most " + max + " characters");
            }
            return value;
        }

        /** Trimmed, and blank counts as absent (GAIA writes "" for "no file"). */
        private static String text(Map<String, String> values, String field) {
            String value = values.get(field);
            return value == null || value.isBlank() ? null : value.strip();
        }

        /** As written: answers and steps keep their whitespace; only absence is normalised. */
        private static String raw(Map<String, String> values, String field) {
            String value = values.get(field);
            return value == null || value.isBlank() ? null : value;
        }

        private static Integer integer(String value) {
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
