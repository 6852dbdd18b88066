package ai.datasuite.ingest.client;

/** Filters of the file list; null means "any". */
public record FileFilter(String ownerId, String sha256, String dataType, String mediaType, String tag,
                         String taskId, String name) {
}
