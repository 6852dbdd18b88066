package ai.datasuite.gateway.snapshot;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.datasuite.gateway.snapshot.SnapshotImportView.RowWithoutFile;

/**
 * The rows of a snapshot's metadata.jsonl files (task_id and file_name only; metadata-service validates the rest),
 * and which row an attached file belongs to: the row whose file_name is the file's name, looked up first in the
 * metadata.jsonl of the file's own folder, then in those of the folders above it (nearest first), then in the others.
 */
final class TaskIndex {

    record Row(String folder, String taskId, String fileName) {
    }

    private final ObjectMapper json;
    private final List<Row> rows = new ArrayList<>();
    /** folder of a metadata.jsonl → file_name → task_id, in the order the files were read. */
    private final Map<String, Map<String, String>> byFolder = new LinkedHashMap<>();

    TaskIndex(ObjectMapper json) {
        this.json = json;
    }

    /** Reads the rows of one metadata.jsonl (metadata-service accepted it: lines it could not read do not occur). */
    void add(String folder, byte[] jsonl) {
        Map<String, String> names = byFolder.computeIfAbsent(folder, f -> new LinkedHashMap<>());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(jsonl),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                String text = line.strip().replace("\uFEFF", "");
                if (text.isEmpty()) {
                    continue;
                }
                JsonNode row = json.readTree(text);
                String taskId = row.path("task_id").asText("").strip();
                String fileName = row.path("file_name").asText("").strip();
                if (!taskId.isEmpty()) {
                    rows.add(new Row(folder, taskId, fileName));
                    if (!fileName.isEmpty()) {
                        names.putIfAbsent(fileName, taskId);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a metadata.jsonl accepted by metadata-service cannot be read again", e);
        }
    }

    /** The task an entry of the zip belongs to, or null when no row names it. */
    String taskFor(String entryName) {
        String name = SnapshotArchive.baseName(entryName);
        for (String folder : searchOrder(SnapshotArchive.folderOf(entryName))) {
            String taskId = byFolder.getOrDefault(folder, Map.of()).get(name);
            if (taskId != null) {
                return taskId;
            }
        }
        return null;
    }

    /** Rows naming a file that did not end up stored for their task. */
    List<RowWithoutFile> withoutFiles(Set<String> tasksWithFile) {
        Set<String> seen = new LinkedHashSet<>();
        List<RowWithoutFile> missing = new ArrayList<>();
        for (Row row : rows) {
            if (!row.fileName().isEmpty() && !tasksWithFile.contains(row.taskId()) && seen.add(row.taskId())) {
                missing.add(new RowWithoutFile(row.taskId(), row.fileName()));
            }
        }
        return missing;
    }

    private List<String> searchOrder(String folder) {
        Set<String> order = new LinkedHashSet<>();
        for (String f = folder; ; f = SnapshotArchive.folderOf(f)) {
            order.add(f);
            if (f.isEmpty()) {
                break;
            }
        }
        order.addAll(byFolder.keySet());
        return new ArrayList<>(order);
    }
}
