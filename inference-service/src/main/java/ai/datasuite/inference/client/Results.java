package ai.datasuite.inference.client;

import java.util.List;

/** Body and answer of metadata-service's {@code POST /api/v1/comments/results}. */
public final class Results {

    private Results() {
    }

    public record Request(String worker, List<Predicted> predictions, List<Failed> failures) {
    }

    public record Predicted(long num, String label, double score, String modelVersion) {
    }

    public record Failed(long num, String error) {
    }

    /** {@code rejected}: predictions not written because the row was no longer leased to this worker. */
    public record Answer(int written, List<Long> rejected) {
    }
}
