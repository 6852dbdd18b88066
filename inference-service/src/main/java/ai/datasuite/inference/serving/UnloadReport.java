package ai.datasuite.inference.serving;

/**
 * Outcome of an unload: the ONNX session and the tokenizer were closed ({@code closed}); {@code released_bytes} is
 * how much the process RSS shrank (measured before and after), next to what the load had added.
 */
public record UnloadReport(String id, String version, boolean wasLoaded, boolean closed, long releasedBytes,
                           Long memoryBytesAtLoad, long modelFileBytes, long rssBeforeBytes, long rssAfterBytes) {
}
