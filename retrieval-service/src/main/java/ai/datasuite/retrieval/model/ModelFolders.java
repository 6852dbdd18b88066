package ai.datasuite.retrieval.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.datasuite.vectorindex.AtomicFiles;

/**
 * The saved models on disk: one folder per model under {@code retrieval.models.dir}, holding {@code model.json}
 * ({@link SavedModel}), {@code contexts.json} (the context texts answers quote) and the type's own files. The folders
 * are the source of truth: a model is saved once its {@code model.json} exists; JSON files are written whole.
 */
final class ModelFolders {

    static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String META = "model.json";
    static final String CONTEXTS = "contexts.json";

    private final Path root;
    private final ObjectMapper json;

    ModelFolders(Path root, ObjectMapper json) {
        this.root = root;
        this.json = json;
    }

    Path root() {
        return root;
    }

    Path dir(String modelId) {
        return root.resolve(modelId);
    }

    /** The saved model of this id; empty when the id is malformed or nothing is saved under it. */
    Optional<SavedModel> find(String modelId) {
        if (!MODEL_ID.matcher(modelId).matches()) {
            return Optional.empty();
        }
        Path meta = dir(modelId).resolve(META);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        return Optional.of(readJson(meta, new TypeReference<SavedModel>() { }));
    }

    /** Every saved model, by id. */
    List<SavedModel> saved() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(d -> d.getFileName().toString()).sorted().map(this::find)
                    .flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the contexts, then {@code model.json}: from then on the model is saved. */
    void save(SavedModel meta, List<String> contexts) {
        writeJson(dir(meta.modelId()).resolve(CONTEXTS), contexts);
        writeJson(dir(meta.modelId()).resolve(META), meta);
    }

    List<String> contexts(String modelId) {
        return readJson(dir(modelId).resolve(CONTEXTS), new TypeReference<List<String>>() { });
    }

    /** Bytes of the files under {@code dir} (0 when absent or unreadable). */
    static long bytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private void writeJson(Path file, Object value) {
        try {
            AtomicFiles.write(file, json.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private <T> T readJson(Path file, TypeReference<T> type) {
        try {
            return json.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }
}
