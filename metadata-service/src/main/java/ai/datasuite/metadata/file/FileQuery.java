package ai.datasuite.metadata.file;

/** Filters of the file list; null means "any". {@code name} is a case-insensitive part of the original name. */
public record FileQuery(String ownerId, String sha256, String dataType, String mediaType, String tag, String taskId,
                        String name) {
}
