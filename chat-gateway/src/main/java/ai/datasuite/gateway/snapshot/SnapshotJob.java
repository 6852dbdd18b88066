package ai.datasuite.gateway.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.datasuite.gateway.client.MetadataTasksClient.ImportedRows;
import ai.datasuite.gateway.snapshot.SnapshotImportView.Rejected;
import ai.datasuite.gateway.snapshot.SnapshotImportView.RowWithoutFile;

/** One import's state, changed by its worker threads and read by requests: every access holds its lock. */
final class SnapshotJob {

    static final String RUNNING = "running";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    private final String id;
    private final String owner;
    private final String role;
    private final Instant createdAt;
    private final List<String> metadataFiles;
    private final int filesTotal;

    private String status = RUNNING;
    private int filesDone;
    private int received;
    private int created;
    private int updated;
    private int unchanged;
    private int uploaded;
    private int alreadyStored;
    private final List<Rejected> rejected = new ArrayList<>();
    private Map<String, Object> match;
    private List<RowWithoutFile> rowsWithoutFiles = List.of();
    private List<String> filesWithoutRows = List.of();
    private List<Map<String, Object>> errors = List.of();
    private String error;
    private Instant finishedAt;

    SnapshotJob(String id, String owner, String role, SnapshotArchive archive) {
        this.id = id;
        this.owner = owner;
        this.role = role;
        this.createdAt = Instant.now();
        this.metadataFiles = archive.metadataFiles();
        this.filesTotal = archive.metadataFiles().size() + archive.files().size();
    }

    String id() {
        return id;
    }

    String owner() {
        return owner;
    }

    String role() {
        return role;
    }

    Instant createdAt() {
        return createdAt;
    }

    synchronized boolean finished() {
        return !RUNNING.equals(status);
    }

    synchronized void imported(ImportedRows rows) {
        received += rows.received();
        created += rows.created();
        updated += rows.updated();
        unchanged += rows.unchanged();
        filesDone++;
    }

    synchronized void stored(boolean existed) {
        if (existed) {
            alreadyStored++;
        } else {
            uploaded++;
        }
        filesDone++;
    }

    synchronized void rejected(String name, int status, String detail) {
        rejected.add(new Rejected(name, status, detail));
        filesDone++;
    }

    synchronized void completed(Map<String, Object> report, List<RowWithoutFile> withoutFiles,
                                List<String> withoutRows) {
        match = report;
        rowsWithoutFiles = List.copyOf(withoutFiles);
        filesWithoutRows = List.copyOf(withoutRows);
        status = COMPLETED;
        finishedAt = Instant.now();
    }

    synchronized void failed(String why, List<Map<String, Object>> rowErrors) {
        error = why;
        errors = List.copyOf(rowErrors);
        status = FAILED;
        finishedAt = Instant.now();
    }

    synchronized SnapshotImportView view() {
        double progress = filesTotal == 0 ? 1.0 : (double) filesDone / filesTotal;
        return new SnapshotImportView(id, owner, status, filesTotal, filesDone, progress, metadataFiles,
                new SnapshotImportView.Rows(received, created, updated, unchanged),
                new SnapshotImportView.Files(uploaded, alreadyStored,
                        rejected.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList()),
                match, rowsWithoutFiles, filesWithoutRows, errors, error, createdAt, finishedAt);
    }
}
