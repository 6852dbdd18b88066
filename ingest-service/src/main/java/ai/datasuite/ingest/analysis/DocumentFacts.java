package ai.datasuite.ingest.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/** A handful of cheap document facts from Tika's metadata: counts, title, author, dates. */
final class DocumentFacts {

    private DocumentFacts() {
    }

    static Map<String, Object> of(MediaType type, TextExtractor.ParsedDocument parsed) {
        Metadata md = parsed.metadata();
        Map<String, Object> facts = new LinkedHashMap<>();
        if (!parsed.complete()) {
            return facts; // the parse ran out of time: its counts are unknown
        }
        if (type.equals(SupportedTypes.XLSX)) {
            facts.put("sheet_count", parsed.sections()); // one page section per sheet
        } else if (type.equals(SupportedTypes.PPTX)) {
            putInt(facts, "slide_count", md.get("meta:slide-count"));
            if (!facts.containsKey("slide_count")) {
                facts.put("slide_count", parsed.sections());
            }
        } else {
            putInt(facts, "page_count", md.get("xmpTPg:NPages"));
            if (!facts.containsKey("page_count") && type.equals(SupportedTypes.PDF)) {
                facts.put("page_count", parsed.sections());
            }
        }
        putText(facts, "title", md.get("dc:title"));
        putText(facts, "author", md.get("dc:creator"));
        putText(facts, "created", md.get("dcterms:created"));
        putText(facts, "modified", md.get("dcterms:modified"));
        putInt(facts, "word_count", md.get("meta:word-count"));
        return facts;
    }

    private static void putText(Map<String, Object> facts, String key, String value) {
        if (value != null && !value.isBlank()) {
            String trimmed = value.trim();
            // Metadata is user-controlled: keep a title from bloating the response.
            facts.put(key, trimmed.length() > 500 ? trimmed.substring(0, 500) : trimmed);
        }
    }

    private static void putInt(Map<String, Object> facts, String key, String value) {
        if (value != null) {
            try {
                facts.put(key, Integer.valueOf(value.trim()));
            } catch (NumberFormatException e) {
                // not a number: leave it out
            }
        }
    }
}
