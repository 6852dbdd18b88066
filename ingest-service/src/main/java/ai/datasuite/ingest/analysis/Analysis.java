package ai.datasuite.ingest.analysis;

import java.util.List;
import java.util.Map;

/**
 * What {@link ContentAnalyzer} found out about one file.
 *
 * @param mediaType         type detected from the content, refined by the name only within the same family
 * @param nameMediaType     type the file name alone suggests, or null when it has no (known) extension
 * @param extensionMismatch true when the name suggests a different kind of file than the content is
 * @param extension         lower-case extension without the dot, or null
 * @param textLength        characters written to the text output
 * @param textTruncated     true when more text was available than the limit allowed
 * @param hasText           true when the text output holds anything besides whitespace and entry headers
 * @param details           small, type-specific facts (image size, EXIF, page counts, archive entries, PDB header)
 * @param notes             human-readable remarks, e.g. about a mismatched extension or unreadable archive entries
 */
public record Analysis(
        String mediaType,
        String nameMediaType,
        boolean extensionMismatch,
        String extension,
        long textLength,
        boolean textTruncated,
        boolean hasText,
        Map<String, Object> details,
        List<String> notes) {

    public Analysis {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(details);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
