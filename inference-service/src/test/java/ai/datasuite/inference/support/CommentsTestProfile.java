package ai.datasuite.inference.support;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The comment workflow against {@link FakeCommentsMetadata} and {@link FakeTextClassifier}; scheduling is off so the
 * tests start every job themselves. Callers are test-support's TestIdentity tokens (admin {@code test-admin} unless a
 * test names another).
 */
public class CommentsTestProfile implements QuarkusTestProfile {

    public static final int BATCH_SIZE = 4;
    public static final int MAX_ATTEMPTS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "inference.jobs.predict.cron", "off",
                "inference.jobs.predict.batch-size", String.valueOf(BATCH_SIZE),
                "inference.jobs.predict.max-attempts", String.valueOf(MAX_ATTEMPTS),
                "inference.jobs.predict.lease", "60s",
                "inference.jobs.predict.max-batches-per-run", "20",
                "inference.comments.model-id", "emotion-test",
                // The real models are not needed here; do not spend the test's time loading them.
                "inference.serving.load-at-start", "none");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FakeTextClassifier.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeCommentsMetadata.class));
    }
}
