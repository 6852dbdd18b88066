package ai.datasuite.ingest.client;

import java.util.List;

/** Body and answer of metadata-service's {@code POST /api/v1/files/references}. */
public final class References {

    private References() {
    }

    public record Query(String bucket, List<String> keys) {
    }

    public record Answer(List<String> referenced) {
    }
}
