package ai.datasuite.inference.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.datasuite.inference.EmotionLabels;

/**
 * Reads the GoEmotions TSVs ({@code text \t labels \t id}, no header) and maps the 27 emotions onto the seven labels
 * with {@code ekman_mapping.json} (plus neutral), keeping the rows whose mapped label set has exactly one label.
 */
final class GoEmotions {

    /** One single-label row: {@code label} is an index into {@link EmotionLabels#LABELS}. */
    public record Row(String id, String text, int label) {
    }

    private final Path dir;
    private final int[] emotionToLabel;

    public GoEmotions(Path dir) throws IOException {
        this.dir = dir;
        List<String> emotions = Files.readAllLines(dir.resolve("emotions.txt"), StandardCharsets.UTF_8).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        Map<String, Integer> byName = new HashMap<>();
        JsonNode mapping = new ObjectMapper().readTree(dir.resolve("ekman_mapping.json").toFile());
        mapping.properties().forEach(e -> e.getValue().forEach(n -> byName.put(n.asText(), EmotionLabels.indexOf(e.getKey()))));
        byName.put("neutral", EmotionLabels.indexOf("neutral"));
        emotionToLabel = new int[emotions.size()];
        for (int i = 0; i < emotions.size(); i++) {
            Integer label = byName.get(emotions.get(i));
            if (label == null || label < 0) {
                throw new IOException("emotion '" + emotions.get(i) + "' has no Ekman mapping");
            }
            emotionToLabel[i] = label;
        }
    }

    public Path dir() {
        return dir;
    }

    /** The single-label rows of {@code split} ("train" or "dev"), in file order. */
    public List<Row> read(String split) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(split + ".tsv"), StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                throw new IOException(split + ".tsv: expected 3 fields, got " + f.length);
            }
            int label = -1;
            boolean single = true;
            for (String id : f[1].split(",")) {
                int mapped = emotionToLabel[Integer.parseInt(id.trim())];
                if (label >= 0 && mapped != label) {
                    single = false;
                }
                label = mapped;
            }
            if (single && label >= 0) {
                rows.add(new Row(f[2], unquote(f[0]), label));
            }
        }
        return rows;
    }

    /** Undoes the CSV-style quoting some texts carry ({@code "He said ""hi"""} becomes {@code He said "hi"}). */
    static String unquote(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return text;
    }

    /** A hash of the files a split depends on, for feature caches. */
    public String fingerprint(String split) throws IOException {
        return Hashing.sha256(List.of(dir.resolve(split + ".tsv"), dir.resolve("ekman_mapping.json"), dir.resolve("emotions.txt")));
    }
}
