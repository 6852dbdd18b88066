package ai.datasuite.inference.serving;


/**
 * Outcome of a load: {@code already_loaded} when there was nothing to do; {@code memory_bytes} is the growth of the
 * process RSS (measured before and after), {@code load_millis} the time it took.
 */
public record LoadReport(String id, String version, boolean alreadyLoaded, long memoryBytes, long modelFileBytes,
                         long rssBeforeBytes, long rssAfterBytes, long loadMillis, ModelView model) {
}
