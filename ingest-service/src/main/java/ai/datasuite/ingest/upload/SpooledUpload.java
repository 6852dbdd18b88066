package ai.datasuite.ingest.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An uploaded file as received: on local disk, with its size and SHA-256 computed while it arrived. */
public record SpooledUpload(Path file, String originalName, long size, String sha256) {

    /** Removes the spool file once the upload is done with, whatever its outcome. */
    public void discard() {
        deleteQuietly(file);
    }

    /** Spool files live in temporary space: one that cannot be deleted now is removed at the next start. */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // StartupTasks cleans the spool folder
        }
    }
}
