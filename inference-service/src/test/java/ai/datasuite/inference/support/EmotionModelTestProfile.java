package ai.datasuite.inference.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The real thing end to end, but for metadata-service: the built-in emotion model assembled from the committed head
 * and served by the real registry, the real prediction job and retraining (on capped samples), against
 * {@link FakeCommentsMetadata}. Each start gets a fresh data directory, so promotions never leak into other runs.
 */
public class EmotionModelTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path data = Files.createTempDirectory(Path.of("target"), "emotion-e2e-");
            return Map.of(
                    "suite.data-dir", data.toAbsolutePath().toString(),
                    "inference.jobs.predict.cron", "off",
                    "inference.serving.load-at-start", "emotion");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeCommentsMetadata.class));
    }
}
