package ai.datasuite.gateway.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import of a zipped GAIA snapshot, as {@code GET /api/v1/tasks/imports/{id}} answers it. */
@Schema(name = "SnapshotImport", description = "An import of a zipped GAIA snapshot and its report")
public record SnapshotImportView(
        String id,
        @Schema(description = "Who imported it (its rows and files were sent as them)") String owner,
        @Schema(enumeration = {"running", "completed", "failed"}) String status,
        @Schema(description = "The zip's files, metadata.jsonl included") int filesTotal,
        int filesDone,
        @Schema(description = "files_done / files_total") double progress,
        List<String> metadataFiles,
        @Schema(description = "metadata-service's import summaries, added up") Rows rows,
        Files files,
        @Schema(description = "metadata-service's match report (POST /api/v1/tasks/match) once the files are stored")
        Map<String, Object> match,
        @Schema(description = "Rows naming a file_name the zip does not hold, or whose file ingest refused")
        List<RowWithoutFile> rowsWithoutFiles,
        @Schema(description = "Files no row names (stored without a task)") List<String> filesWithoutRows,
        @Schema(description = "metadata-service's row errors when a metadata.jsonl was refused (each with its"
                + " metadata_file)") List<Map<String, Object>> errors,
        @Schema(description = "Why the import failed, in words; null otherwise") String error,
        Instant createdAt,
        Instant finishedAt) {

    public record Rows(int received, int created, int updated, int unchanged) {
    }

    public record Files(
            @Schema(description = "Stored by ingest-service now") int uploaded,
            @Schema(description = "ingest-service had the same bytes of the same owner already") int alreadyStored,
            List<Rejected> rejected) {
    }

    /** A file ingest-service refused, with its status and its words. */
    public record Rejected(String name, int status, String detail) {
    }

    public record RowWithoutFile(String taskId, String fileName) {
    }
}
