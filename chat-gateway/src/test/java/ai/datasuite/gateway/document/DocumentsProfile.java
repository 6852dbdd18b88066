package ai.datasuite.gateway.document;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import ai.datasuite.gateway.support.FakeServicesResource;

/**
 * Its own fake services (the stateful document fakes shadow paths other tests expect echoed or faked otherwise), and
 * small numbers that make a few hundred characters a "large" upload: 200-character chunks, at most 4 indexed before
 * the answer, 2 per index call.
 */
public class DocumentsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.documents.chunk-chars", "200",
                "gateway.documents.chunk-overlap-chars", "20",
                "gateway.documents.sync-max-chunks", "4",
                "gateway.documents.index-batch", "2",
                "gateway.limits.max-body-size", "2M");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeServicesResource.class));
    }
}
