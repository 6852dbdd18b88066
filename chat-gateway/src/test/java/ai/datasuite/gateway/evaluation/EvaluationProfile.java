package ai.datasuite.gateway.evaluation;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import ai.datasuite.gateway.support.FakeOpenAi;
import ai.datasuite.gateway.support.FakeServicesResource;

/**
 * Its own fake services (the evaluation fakes shadow ingest's files and metadata's tasks, which other tests expect
 * echoed or faked otherwise), the fake LLM configured, retries 50 ms apart and a prompt budget of 3000 characters
 * (a few kilobytes of file text overflow it).
 */
public class EvaluationProfile implements QuarkusTestProfile {

    static final int MAX_PROMPT_CHARS = 3000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.evaluations.retry-delay", "50ms",
                "gateway.evaluations.max-prompt-chars", Integer.toString(MAX_PROMPT_CHARS),
                "gateway.evaluations.max-image-bytes", "4096",
                "gateway.evaluations.timeout", "5s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeServicesResource.class), new TestResourceEntry(FakeOpenAi.class));
    }
}
