package ai.datasuite.gateway.snapshot;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import ai.datasuite.gateway.support.FakeServicesResource;

/**
 * Its own fake services (the snapshot fakes shadow metadata's task import, which other tests expect echoed), and
 * small limits to reach them: zips of at most 256 KiB, 12 entries, 1 MiB unpacked.
 */
public class SnapshotProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.snapshots.max-size", "256K",
                "gateway.snapshots.max-entries", "12",
                "gateway.snapshots.max-uncompressed", "1M",
                "gateway.snapshots.max-metadata-size", "64K",
                "gateway.snapshots.upload-concurrency", "2");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeServicesResource.class));
    }
}
