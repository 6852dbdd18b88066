package ai.datasuite.inference.config;

import java.nio.file.Files;
import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the built-in emotion model is (re)trained; environment variables map as usual ({@code INFERENCE_TRAINING_...}). */
@ConfigMapping(prefix = "inference.training")
public interface TrainingConfig {

    /**
     * Folder of the GoEmotions dataset (train.tsv, dev.tsv, emotions.txt, ekman_mapping.json). A relative path is looked
     * up from the working directory, then from its parent, so the repository's {@code datasets/goemotions} is found
     * both from the suite's root ({@code ./suite start}) and from the module folder (tests, {@code train-emotion}).
     */
    @WithDefault("datasets/goemotions")
    String goemotionsDir();

    /** {@link #goemotionsDir()} as a folder: the first of working directory and its parent that holds it. */
    default Path goemotionsPath() {
        return locate(goemotionsDir());
    }

    /** A relative folder from the working directory or its parent (the first that exists), else as given. */
    static Path locate(String dir) {
        Path path = Path.of(dir);
        if (path.isAbsolute() || Files.isDirectory(path)) {
            return path;
        }
        Path parent = Path.of("").toAbsolutePath().getParent();
        Path fromParent = parent == null ? path : parent.resolve(path);
        return Files.isDirectory(fromParent) ? fromParent : path;
    }

    /** Use at most this many train.tsv rows (the first ones; 0 = all). For fast tests only: fewer rows, a weaker model. */
    @WithDefault("0")
    int maxTrainRows();

    /** Evaluate on at most this many dev.tsv rows (the first ones; 0 = all 4,946). For fast tests only. */
    @WithDefault("0")
    int maxDevRows();

    /**
     * Most labelled comments a retrain reads (they are held in memory and embedded on every run); with more, the
     * retrain job fails naming this key instead of growing without bound.
     */
    @WithDefault("100000")
    int maxLabelledComments();

    /** ONNX Runtime intra-op threads while embedding and evaluating. */
    @WithDefault("2")
    int intraOpThreads();
}
