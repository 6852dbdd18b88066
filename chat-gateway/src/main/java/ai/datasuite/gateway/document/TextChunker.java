package ai.datasuite.gateway.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;

import ai.datasuite.gateway.config.DocumentsConfig;

/**
 * Splits a file's text into the chunks retrieval-service indexes. Prose goes through LangChain4j's recursive splitter
 * (paragraphs, then lines, sentences, words). Tables (CSV, TSV, spreadsheets) are split by rows instead, and every
 * chunk starts with the table's header line, so a row found by search still says what its columns are.
 */
@Singleton
public class TextChunker {

    private static final Set<String> TABLE_MEDIA_TYPES = Set.of("text/csv", "text/tab-separated-values",
            "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.spreadsheet");
    private static final Set<String> TABLE_DATA_TYPES = Set.of("csv", "tsv", "excel", "xlsx", "xls", "table",
            "spreadsheet");

    private final DocumentSplitter splitter;
    private final int maxChars;

    @Inject
    public TextChunker(DocumentsConfig config) {
        this(config.chunkChars(), config.chunkOverlapChars());
    }

    TextChunker(int maxChars, int overlapChars) {
        this.maxChars = maxChars;
        this.splitter = DocumentSplitters.recursive(maxChars, Math.min(overlapChars, maxChars / 2));
    }

    /** True when the file is a table by its detected media type or by the data type the user gave. */
    public static boolean isTable(String mediaType, String dataType) {
        String media = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        String data = dataType == null ? "" : dataType.toLowerCase(Locale.ROOT).strip();
        return TABLE_MEDIA_TYPES.contains(media) || TABLE_MEDIA_TYPES.contains(data) || TABLE_DATA_TYPES.contains(data);
    }

    /** The chunks of {@code text}, in order; none for a blank text. */
    public List<String> chunks(String text, boolean table) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return table ? tableChunks(text) : prose(text);
    }

    private List<String> prose(String text) {
        List<String> chunks = new ArrayList<>();
        for (TextSegment segment : splitter.split(Document.from(text))) {
            if (!segment.text().isBlank()) {
                chunks.add(segment.text());
            }
        }
        return chunks;
    }

    /**
     * Rows grouped up to the chunk size, each group under the header. A spreadsheet's text holds one table per sheet:
     * a line without the header's separator followed by one with it starts a new table (the sheet's name, then its
     * header). A row longer than a chunk is split as prose, each piece under the header.
     */
    List<String> tableChunks(String text) {
        List<String> chunks = new ArrayList<>();
        String[] lines = text.split("\\r?\\n");
        String header = null;
        char separator = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            boolean sheetName = separatorOf(line) == 0 && i + 1 < lines.length && separatorOf(lines[i + 1]) != 0
                    && (header == null || separator != 0);
            if (header == null || sheetName) {
                flush(chunks, header, current);
                if (sheetName) {
                    i++; // a sheet's name: the next line is its header
                    line = line.strip() + ": " + lines[i];
                }
                header = line;
                separator = separatorOf(line);
                continue;
            }
            int room = maxChars - header.length() - 1;
            if (line.length() > room) {
                flush(chunks, header, current);
                for (String piece : prose(line)) {
                    chunks.add(header + "\n" + piece);
                }
                continue;
            }
            if (current.length() + line.length() + 1 > room) {
                flush(chunks, header, current);
            }
            current.append(line).append('\n');
        }
        flush(chunks, header, current);
        if (chunks.isEmpty() && header != null) {
            chunks.add(header); // a table with nothing but its header
        }
        return chunks;
    }

    private static void flush(List<String> chunks, String header, StringBuilder rows) {
        if (rows.isEmpty()) {
            return;
        }
        chunks.add(header + "\n" + rows.toString().stripTrailing());
        rows.setLength(0);
    }

    private static char separatorOf(String header) {
        for (char candidate : new char[] {'\t', ',', ';', '|'}) {
            if (header.indexOf(candidate) >= 0) {
                return candidate;
            }
        }
        return 0;
    }
}
