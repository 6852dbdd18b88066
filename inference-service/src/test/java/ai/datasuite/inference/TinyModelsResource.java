package ai.datasuite.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Writes the tiny HF-layout models to a temporary folder and registers them through
 * {@code inference.serving.models.<id>.path}; only {@code tiny}, {@code tiny-bert} and {@code tiny-promote} load at
 * startup, so the tests never depend on (or pay for) the built-in emotion model.
 */
public class TinyModelsResource implements QuarkusTestResourceLifecycleManager {

    /** RoBERTa-like, loads at start, the default model of the tests. */
    public static final String TINY = "tiny";
    /** BERT-like (token_type_ids), loads at start. */
    public static final String TINY_BERT = "tiny-bert";
    /** Loaded, unloaded and reloaded by the tests. */
    public static final String CYCLE = "tiny-cycle";
    /** Never loaded: predictions answer 409. */
    public static final String IDLE = "tiny-idle";
    /** About 48 MB of weights, to see memory come and go. */
    public static final String BIG = "tiny-big";
    /** Promoted to a new version by a test. */
    public static final String PROMOTE = "tiny-promote";
    /** Has no tokenizer.json. */
    public static final String BROKEN = "broken";

    public static final TinyModels.Spec BIG_SPEC = new TinyModels.Spec(List.of("calm", "joy", "rage"), false,
            "roberta", 10, null, 6, 11L, 2_000_000);

    /** Init argument that replaces the models loaded at startup (comma-separated ids). */
    public static final String LOAD_AT_START = "load-at-start";

    private Path root;
    private String loadAtStart = String.join(",", TINY, TINY_BERT, PROMOTE);

    @Override
    public void init(Map<String, String> initArgs) {
        loadAtStart = initArgs.getOrDefault(LOAD_AT_START, loadAtStart);
    }

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("tiny-models");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new LinkedHashMap<>();
        register(config, TINY, new TinyModels(TinyModels.ROBERTA_LIKE));
        register(config, TINY_BERT, new TinyModels(TinyModels.BERT_LIKE));
        register(config, CYCLE, new TinyModels(TinyModels.BERT_LIKE));
        register(config, IDLE, new TinyModels(TinyModels.ROBERTA_LIKE));
        register(config, BIG, new TinyModels(BIG_SPEC));
        register(config, PROMOTE, new TinyModels(TinyModels.ROBERTA_LIKE));
        register(config, BROKEN, new TinyModels(TinyModels.ROBERTA_LIKE));
        try {
            Files.delete(root.resolve(BROKEN).resolve("tokenizer.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("inference.serving.load-at-start", loadAtStart);
        config.put("inference.serving.default-model", TINY);
        config.put("tiny-models.root", root.toString());
        return config;
    }

    private void register(Map<String, String> config, String id, TinyModels model) {
        model.write(root.resolve(id));
        config.put("inference.serving.models." + id + ".path", root.resolve(id).toString());
        config.put("inference.serving.models." + id + ".version", "1");
    }

    @Override
    public void stop() {
        if (root == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
