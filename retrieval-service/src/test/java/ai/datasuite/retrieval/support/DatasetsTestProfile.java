package ai.datasuite.retrieval.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The dataset endpoints against {@link FakeIngest} and {@link FakeDatasetsMetadata}. Circuit breakers are off: tests
 * make the fakes fail on purpose, and an open breaker would leak those failures into the next test.
 */
public class DatasetsTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("CircuitBreaker/enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeIngest.class), new TestResourceEntry(FakeDatasetsMetadata.class));
    }
}
