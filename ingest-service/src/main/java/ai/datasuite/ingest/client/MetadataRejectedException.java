package ai.datasuite.ingest.client;

import java.util.Map;

/** metadata-service answered with a 4xx: not a failure of the dependency, so never retried nor counted by the breaker. */
public class MetadataRejectedException extends RuntimeException {

    private final int status;
    private final Map<String, Object> problem;

    public MetadataRejectedException(int status, Map<String, Object> problem) {
        super("metadata-service answered " + status + ": " + problem.getOrDefault("detail", ""));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> problem() {
        return problem;
    }
}
