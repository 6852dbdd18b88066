package ai.datasuite.retrieval.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.vectorindex.AtomicFiles;

/**
 * The saved models on disk: one folder per model under {@code retrieval.models.dir}, holding {@code model.json}
 * ({@link SavedModel}), {@code contexts.json} (the context texts answers quote) and the type's own files. The folders
 * are the source of truth: a model is saved once its {@code model.json} exists (the completed marker); JSON files are
 * written whole, and every file of the folder is forced to disk before the marker is written. A folder without it is
 * a fit that did not finish ({@link LeftoverSweep}). A damaged model answers a problem in the user's terms; the
 * paths and the failure go to the log.
 */
final class ModelFolders {

    static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String META = "model.json";
    static final String CONTEXTS = "contexts.json";
    /** Problem type of a saved model that cannot be loaded. */
    static final String LOAD_FAILED = "model-load-failed";
    private static final Logger LOG = Logger.getLogger(ModelFolders.class);

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
        return Optional.of(readJson(modelId, meta, new TypeReference<SavedModel>() { }));
    }

    /** True when a folder of this id exists without its completed marker (a fit that did not finish, or runs). */
    boolean unfinished(String modelId) {
        Path dir = dir(modelId);
        return Files.isDirectory(dir) && !Files.exists(dir.resolve(META));
    }

    /** Every saved model, by id; a damaged {@code model.json} is logged and left out (the others still list). */
    List<SavedModel> saved() {
        List<SavedModel> saved = new ArrayList<>();
        for (String id : ids()) {
            try {
                find(id).ifPresent(saved::add);
            } catch (ProblemException e) {
                // logged by readJson; one damaged model must not hide the others
            }
        }
        return saved;
    }

    /** Names of the folders under the root that can be model ids, sorted. */
    List<String> ids() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(name -> MODEL_ID.matcher(name).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the contexts, forces every file of the folder (the type's files too, whoever wrote them) and the folders
     * to disk, then writes {@code model.json}: from then on the model is saved, and all it refers to is durable.
     */
    void save(SavedModel meta, List<String> contexts) {
        Path dir = dir(meta.modelId());
        writeJson(dir.resolve(CONTEXTS), contexts);
        try {
            AtomicFiles.forceTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not force the files of " + dir + " to disk", e);
        }
        writeJson(dir.resolve(META), meta);
    }

    List<String> contexts(String modelId) {
        return readJson(modelId, dir(modelId).resolve(CONTEXTS), new TypeReference<List<String>>() { });
    }

    /** The answer to a model whose saved files cannot be read: what happened in the user's terms, no path. */
    static ProblemException damaged(String modelId) {
        return new ProblemException(500, LOAD_FAILED, "Model could not be loaded", "Model '" + modelId + "' could"
                + " not be loaded: its saved files are missing or damaged. Remove it and fit it again; the service log"
                + " has the details.", Map.of("model_id", modelId));
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

    private <T> T readJson(String modelId, Path file, TypeReference<T> type) {
        try {
            return json.readValue(file.toFile(), type);
        } catch (IOException e) {
            LOG.errorf(e, "Could not read %s of model %s", file, modelId);
            throw damaged(modelId);
        }
    }
}
