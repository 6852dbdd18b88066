package ai.datasuite.gateway.product.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LLM's answers by SHA-256 of (model, category list, text), least recently used dropped beyond its size, so that
 * the same text with the same list is never sent twice. Only answers inside the list are kept: a text the model
 * could not place is asked again on the next run.
 */
final class PredictionCache {

    private final int maxEntries;
    private final Map<String, String> entries;

    PredictionCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > PredictionCache.this.maxEntries;
            }
        };
    }

    synchronized String get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, String category) {
        if (maxEntries > 0) {
            entries.put(key, category);
        }
    }

    synchronized int size() {
        return entries.size();
    }

    /** The key of {@code text} for {@code model} and the list (names and descriptions, in order). */
    static String key(String model, List<LlmCategory> categories, String text) {
        MessageDigest sha = sha256();
        update(sha, model);
        for (LlmCategory category : categories) {
            update(sha, category.name());
            update(sha, category.description() == null ? "" : category.description());
        }
        update(sha, text);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Each part with its length first: ("ab", "c") and ("a", "bc") never collide. */
    private static void update(MessageDigest sha, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
