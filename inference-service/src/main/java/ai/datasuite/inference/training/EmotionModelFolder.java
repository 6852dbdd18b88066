package ai.datasuite.inference.training;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.datasuite.inference.EmotionLabels;

/**
 * Writes a version folder of the built-in emotion model in the Hugging Face ONNX export layout ({@code model.onnx},
 * {@code tokenizer.json}, {@code config.json}, plus {@code head.bin} and, once evaluated, {@code metrics.json}). A
 * folder is written under a temporary name ({@code .<version>-<random>}), forced to disk and renamed into place, so a
 * crash never leaves a half folder under a version's name; what a crash leaves under the temporary name is removed at
 * the next start ({@link BuiltinEmotionModel#removeLeftovers()}).
 */
final class EmotionModelFolder {

    public static final String HEAD_FILE = "head.bin";
    public static final String METRICS_FILE = "metrics.json";
    private static final Pattern TEMPORARY = Pattern.compile("\\.v[1-9][0-9]{0,8}-.+");
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EmotionModelFolder() {
    }

    /** A step run on the assembled folder before it is renamed into place (e.g. evaluate and write metrics.json). */
    @FunctionalInterface
    public interface Finisher {
        Metrics finish(Path assembled) throws IOException;
    }

    /**
     * Assembles {@code head} into {@code target} unless it already holds a complete model: everything is written
     * into a temporary sibling folder, {@code finisher} runs on it, then it is renamed to {@code target}. Returns
     * what the finisher returned (null when {@code target} was already complete).
     */
    public static Metrics assemble(Path target, EmotionHead head, Finisher finisher) throws IOException {
        if (isComplete(target)) {
            return null;
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-");
        try {
            writeContents(tmp, head);
            Metrics metrics = finisher.finish(tmp);
            // Every file is on disk already; the folder's entries too before it gets its real name.
            DurableFiles.syncDirectory(tmp);
            if (Files.exists(target) && !isComplete(target)) {
                // Left by a run that died before this class wrote it atomically; nothing in it is complete.
                deleteTree(target);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                DurableFiles.syncDirectory(target.getParent());
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                if (!isComplete(target)) {
                    throw e;
                }
                // Another writer finished the same folder first; theirs is as good as ours.
            }
            return metrics;
        } finally {
            deleteTree(tmp);
        }
    }

    /** The temporary name of a folder being written for {@code version}: {@code .v2-1234567890}. */
    static boolean isTemporaryName(String name) {
        return TEMPORARY.matcher(name).matches();
    }

    public static boolean isComplete(Path folder) {
        return Stream.of("model.onnx", "tokenizer.json", "config.json", HEAD_FILE).allMatch(f -> Files.isRegularFile(folder.resolve(f)));
    }

    /** Each file forced to disk: the folder is renamed into place only once its contents are durable. */
    static void writeContents(Path dir, EmotionHead head) throws IOException {
        DurableFiles.write(dir.resolve("model.onnx"), EmotionGraphBuilder.build(head));
        DurableFiles.write(dir.resolve("tokenizer.json"), E5Encoder.tokenizerJson());
        DurableFiles.write(dir.resolve(HEAD_FILE), head.toBytes());
        DurableFiles.write(dir.resolve("config.json"), JSON.writeValueAsBytes(config()));
    }

    /** config.json as an HF text-classification export carries it. */
    static Map<String, Object> config() {
        Map<String, String> id2label = new LinkedHashMap<>();
        Map<String, Integer> label2id = new LinkedHashMap<>();
        List<String> labels = EmotionLabels.ALL;
        for (int i = 0; i < labels.size(); i++) {
            id2label.put(String.valueOf(i), labels.get(i));
            label2id.put(labels.get(i), i);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architectures", List.of("BertForSequenceClassification"));
        config.put("model_type", "bert");
        config.put("problem_type", "single_label_classification");
        config.put("id2label", id2label);
        config.put("label2id", label2id);
        config.put("max_position_embeddings", E5Encoder.MAX_LENGTH);
        config.put("hidden_size", E5Encoder.DIM);
        config.put("_name_or_path", "ai-data-suite/emotion-e5-small-v2-q-tfidf");
        return config;
    }

    public static void writeMetrics(Path dir, Metrics metrics) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("split", "dev");
        root.put("n", metrics.n());
        root.put("accuracy", round(metrics.accuracy()));
        root.put("macro_f1", round(metrics.macroF1()));
        ObjectNode per = root.putObject("per_label");
        for (Metrics.PerLabel p : metrics.perLabel()) {
            ObjectNode o = per.putObject(p.label());
            o.put("precision", round(p.precision()));
            o.put("recall", round(p.recall()));
            o.put("f1", round(p.f1()));
            o.put("support", p.support());
        }
        Path tmp = dir.resolve(METRICS_FILE + ".tmp");
        DurableFiles.write(tmp, JSON.writeValueAsBytes(root));
        DurableFiles.replace(tmp, dir.resolve(METRICS_FILE));
    }

    /** metrics.json of {@code dir}, or null when absent. */
    public static Metrics readMetrics(Path dir) throws IOException {
        Path file = dir.resolve(METRICS_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        var root = JSON.readTree(file.toFile());
        List<Metrics.PerLabel> per = new java.util.ArrayList<>();
        root.path("per_label").properties().forEach(e -> per.add(new Metrics.PerLabel(e.getKey(),
                e.getValue().path("precision").asDouble(), e.getValue().path("recall").asDouble(), e.getValue().path("f1").asDouble(),
                e.getValue().path("support").asInt())));
        return new Metrics(root.path("n").asInt(), root.path("accuracy").asDouble(), root.path("macro_f1").asDouble(), per);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
