package ai.datasuite.gateway.product;

import java.time.Instant;
import java.util.UUID;

import ai.datasuite.gateway.document.Acting;

/** One job's state, changed by its worker and read by requests: every access holds its lock. */
final class ProductJob {

    static final String IMPORT = "import";
    static final String CATEGORIZE = "categorize";

    private final String id = UUID.randomUUID().toString();
    private final String kind;
    private final long catalogId;
    private final Acting owner;
    private final Instant createdAt = Instant.now();

    private String status = "queued";
    private String stage;
    private long done;
    private long total;
    private String message;
    private String error;
    private Instant finishedAt;

    ProductJob(String kind, long catalogId, Acting owner, long total) {
        this.kind = kind;
        this.catalogId = catalogId;
        this.owner = owner;
        this.total = total;
    }

    String id() {
        return id;
    }

    String kind() {
        return kind;
    }

    long catalogId() {
        return catalogId;
    }

    Acting owner() {
        return owner;
    }

    synchronized boolean finished() {
        return finishedAt != null;
    }

    /** Enters a stage: its progress starts from zero. */
    synchronized void stage(String stage, long total, String message) {
        this.status = "running";
        this.stage = stage;
        this.total = total;
        this.done = 0;
        this.message = message;
    }

    /** Moves to another stage of the same work: the progress goes on. */
    synchronized void phase(String stage, String message) {
        this.stage = stage;
        this.message = message;
    }

    synchronized void progress(long more) {
        done += more;
    }

    synchronized void succeeded(String message) {
        this.status = "succeeded";
        this.message = message;
        this.finishedAt = Instant.now();
    }

    synchronized void failed(String why) {
        this.status = "failed";
        this.error = why;
        this.finishedAt = Instant.now();
    }

    synchronized JobView view() {
        return new JobView(id, kind, catalogId, status, stage, done, total, message, error, createdAt, finishedAt);
    }
}
