package ai.datasuite.inference.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the repository's GoEmotions dataset is, seen from the module (tests) or the repository root. */
final class TrainingFixtures {

    private TrainingFixtures() {
    }

    static Path goemotions() {
        String configured = System.getProperty("inference.training.goemotions-dir", System.getenv("INFERENCE_TRAINING_GOEMOTIONS_DIR"));
        return Stream.of(configured, "../datasets/goemotions", "datasets/goemotions")
                .filter(p -> p != null && !p.isBlank()).map(Path::of)
                .filter(p -> Files.isRegularFile(p.resolve("dev.tsv")))
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "GoEmotions not found (the repository's datasets/goemotions, seen from the module or the root)"));
    }
}
