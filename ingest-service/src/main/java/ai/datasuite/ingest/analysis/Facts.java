package ai.datasuite.ingest.analysis;

import java.util.Locale;
import java.util.Map;

/** Stored string facts kept short, and the one-line text of an image or audio file (its facts and name). */
final class Facts {

    private Facts() {
    }

    /** Trimmed, control characters replaced, cut to {@code max} characters; null when nothing is left. */
    static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("\\p{Cntrl}", " ").trim();
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() <= max ? clean : clean.substring(0, max).trim();
    }

    /**
     * E.g. "sound.wav: audio/vnd.wave, 2.0 s, 16000 Hz, 1 channel, 16 bit" or "scan.tiff: image/tiff, 64 x 48 px":
     * what retrieval indexes for a file that has no text of its own.
     */
    static String line(String originalName, String mediaType, Map<String, Object> details, int maxFactChars) {
        StringBuilder line = new StringBuilder();
        String name = clip(MediaTypeResolver.baseName(originalName), maxFactChars);
        if (name != null) {
            line.append(name).append(": ");
        }
        line.append(mediaType);
        if (details.get("width") != null && details.get("height") != null) {
            line.append(", ").append(details.get("width")).append(" x ").append(details.get("height")).append(" px");
        }
        if (details.get("duration_seconds") instanceof Number seconds) {
            line.append(", ").append(String.format(Locale.ROOT, "%.1f s", seconds.doubleValue()));
        }
        if (details.get("sample_rate") != null) {
            line.append(", ").append(details.get("sample_rate")).append(" Hz");
        }
        if (details.get("channels") instanceof Number channels) {
            line.append(", ").append(channels).append(channels.intValue() == 1 ? " channel" : " channels");
        }
        if (details.get("bits_per_sample") != null) {
            line.append(", ").append(details.get("bits_per_sample")).append(" bit");
        }
        appendTags(line, details.get("exif"), "camera_make", "camera_model", "date_taken", "software");
        appendTags(line, details.get("id3"), "title", "artist", "album");
        return line.toString();
    }

    private static void appendTags(StringBuilder line, Object tags, String... keys) {
        if (tags instanceof Map<?, ?> map) {
            for (String key : keys) {
                Object value = map.get(key);
                if (value != null) {
                    line.append(", ").append(key.replace('_', ' ')).append(' ').append(value);
                }
            }
        }
    }
}
