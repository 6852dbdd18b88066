package ai.datasuite.retrieval.dataset;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

import ai.datasuite.problem.ProblemException;

/**
 * Validates and parses a Q&A CSV, checking in this order and naming the problem:
 * <ol>
 * <li>binary content (NUL bytes, a known binary signature, or control bytes in the first 8 KiB) &rarr; 415;</li>
 * <li>UTF-8 (a leading BOM is allowed) &rarr; 400 with the byte offset and line of the first bad sequence;</li>
 * <li>RFC 4180 with Apache Commons CSV: fields may hold commas, {@code ""} quotes and line breaks; a quoted field that
 * never closes, or is followed by text before the next comma, &rarr; 400 with the row and line where that row starts;</li>
 * <li>the header: {@code context}, {@code question} and {@code answer}, each exactly once, matched after trimming and
 * ignoring case; any other column is an error unless {@code ignoreExtraColumns} (then it is dropped);</li>
 * <li>every row has as many fields as the header, and no required field is empty or blank &rarr; 400 listing the first
 * rows at fault.</li>
 * </ol>
 * Rows are numbered from 1 after the header (the header is row 0); blank lines are skipped and not counted. Contexts
 * are trimmed and deduplicated by exact text (first occurrence first); questions and answers are kept as given.
 */
final class QaCsvParser {

    private static final Logger LOG = Logger.getLogger(QaCsvParser.class);

    public static final List<String> REQUIRED = List.of("context", "question", "answer");

    private static final int SNIFF_BYTES = 8192;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** How lenient to be: drop unknown columns or refuse them; how many row problems one answer lists. */
    public record Options(boolean ignoreExtraColumns, int maxListedErrors) {
    }

    /** A valid dataset: the header as written, the columns dropped, the rows and the distinct contexts. */
    public record Parsed(List<String> header, List<String> ignoredColumns, List<QaRow> rows, List<String> contexts) {
    }

    private QaCsvParser() {
    }

    public static Parsed parse(byte[] bytes, Options options) {
        if (bytes.length == 0) {
            throw invalid("The file is empty; send a CSV with a header row (context,question,answer) and data rows",
                    Map.of());
        }
        sniffBinary(bytes);
        String text = decodeUtf8(bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            return read(parser, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Parsed read(CSVParser parser, Options options) {
        Iterator<CSVRecord> records = parser.iterator();
        int row = 0;
        long startLine = parser.getCurrentLineNumber() + 1;
        CSVRecord headerRecord = next(records, row, startLine);
        if (headerRecord == null) {
            throw invalid("The file has no header row; the first line must be context,question,answer", Map.of());
        }
        List<String> header = headerRecord.toList();
        int[] positions = requiredPositions(header, options.ignoreExtraColumns());

        List<Map<String, Object>> errors = new ArrayList<>();
        int errorCount = 0;
        List<QaRow> rows = new ArrayList<>();
        List<String> contexts = new ArrayList<>();
        Map<String, Integer> contextIndex = new HashMap<>();
        while (true) {
            startLine = parser.getCurrentLineNumber() + 1;
            CSVRecord record = next(records, row + 1, startLine);
            if (record == null) {
                break;
            }
            row++;
            if (record.size() != header.size()) {
                errorCount++;
                if (errors.size() < options.maxListedErrors()) {
                    errors.add(rowError(row, startLine, null, "has " + record.size() + " fields; the header has "
                            + header.size()));
                }
                continue;
            }
            boolean complete = true;
            for (int i = 0; i < REQUIRED.size(); i++) {
                if (record.get(positions[i]).isBlank()) {
                    complete = false;
                    errorCount++;
                    if (errors.size() < options.maxListedErrors()) {
                        errors.add(rowError(row, startLine, REQUIRED.get(i), "is empty"));
                    }
                }
            }
            if (!complete || errorCount > 0) {
                continue;
            }
            String context = record.get(positions[0]).strip();
            int index = contextIndex.computeIfAbsent(context, key -> {
                contexts.add(key);
                return contexts.size() - 1;
            });
            rows.add(new QaRow(row, context, record.get(positions[1]), record.get(positions[2]), index));
        }
        if (errorCount > 0) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("errors", errors);
            extensions.put("error_count", errorCount);
            throw invalid(errorCount + " problem(s) in the rows; the first at row " + errors.get(0).get("row")
                    + (errors.get(0).get("column") == null ? "" : " (" + errors.get(0).get("column") + ")") + ": "
                    + errors.get(0).get("message"), extensions);
        }
        if (rows.isEmpty()) {
            throw invalid("The file has a header but no data rows", Map.of());
        }
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            final int column = i;
            boolean required = false;
            for (int position : positions) {
                required |= position == column;
            }
            if (!required) {
                ignored.add(header.get(column));
            }
        }
        return new Parsed(List.copyOf(header), List.copyOf(ignored), List.copyOf(rows), List.copyOf(contexts));
    }

    /** The next record, or null at the end; a lexer failure names the row and the line where that row starts. */
    static CSVRecord next(Iterator<CSVRecord> records, int row, long startLine) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            String what = message.contains("EOF reached before encapsulated token finished")
                    ? "a quoted field is never closed (unbalanced quotes)"
                    : message.contains("between encapsulated token and delimiter")
                    ? "a quoted field is followed by text before the next comma (unbalanced or unescaped quotes;"
                            + " write a quote inside a quoted field as \"\")"
                    : "the CSV could not be read from there on (check the quoting and the line endings)";
            // The parser's own message (class names, internals) goes to the log, not to the caller.
            LOG.debugf("CSV parse failure at row %d (line %d): %s", row, startLine, message);
            String where = row == 0 ? "the header" : "row " + row;
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("row", row);
            extensions.put("line", startLine);
            throw invalid("Malformed CSV at " + where + " (starting on line " + startLine + "): " + what, extensions);
        }
    }

    /** Where context, question and answer are, in that order; refuses missing, repeated and (unless allowed) extras. */
    private static int[] requiredPositions(List<String> header, boolean ignoreExtraColumns) {
        int[] positions = {-1, -1, -1};
        List<String> duplicated = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            int required = REQUIRED.indexOf(name);
            if (required < 0) {
                extra.add(header.get(i));
            } else if (positions[required] >= 0) {
                duplicated.add(header.get(i));
            } else {
                positions[required] = i;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < REQUIRED.size(); i++) {
            if (positions[i] < 0) {
                missing.add(REQUIRED.get(i));
            }
        }
        boolean refuseExtra = !extra.isEmpty() && !ignoreExtraColumns;
        if (missing.isEmpty() && duplicated.isEmpty() && !refuseExtra) {
            return positions;
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing column(s) " + String.join(", ", missing));
        }
        if (!duplicated.isEmpty()) {
            parts.add("repeated column(s) " + String.join(", ", duplicated));
        }
        if (refuseExtra) {
            parts.add("unexpected column(s) " + String.join(", ", extra)
                    + " (send extra_columns=ignore to drop them)");
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("missing_columns", missing);
        extensions.put("duplicate_columns", duplicated);
        extensions.put("extra_columns", refuseExtra ? extra : List.of());
        extensions.put("required_columns", REQUIRED);
        throw invalid("The header must have exactly the columns context, question, answer (trimmed, any case): "
                + String.join("; ", parts), extensions);
    }

    /** Refuses content that is not text: NUL bytes, known binary signatures, control bytes. */
    static void sniffBinary(byte[] bytes) {
        int length = Math.min(bytes.length, SNIFF_BYTES);
        String signature = binarySignature(bytes);
        if (signature != null) {
            throw notCsv("it starts like " + signature);
        }
        int controls = 0;
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                throw notCsv("it contains NUL bytes (binary data, or UTF-16 text)");
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                controls++;
            }
        }
        if (controls > 0 && controls * 100 > length) {
            throw notCsv(controls + " of its first " + length + " bytes are control characters");
        }
    }

    private static String binarySignature(byte[] b) {
        if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) {
            return "a ZIP archive (xlsx, docx and jar files are ZIPs)";
        }
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46)) {
            return "a PDF document";
        }
        if (startsWith(b, 0x89, 0x50, 0x4E, 0x47)) {
            return "a PNG image";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(b, 0x1F, 0x8B)) {
            return "a gzip file";
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an old Office document (xls, doc)";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Strict UTF-8: the first malformed or unmappable sequence is named by byte offset and line. */
    static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("byte_offset", offset);
            extensions.put("line", line);
            throw invalid("The file is not valid UTF-8: invalid byte sequence at byte offset " + offset + " (line "
                    + line + "); save the CSV as UTF-8", extensions);
        }
        out.flip();
        return out.toString();
    }

    private static Map<String, Object> rowError(int row, long line, String column, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("row", row);
        error.put("line", line);
        error.put("column", column);
        error.put("message", message);
        return error;
    }

    private static ProblemException invalid(String detail, Map<String, Object> extensions) {
        return ProblemException.validation(detail, extensions);
    }

    private static ProblemException notCsv(String why) {
        return new ProblemException(415, ProblemException.UNSUPPORTED_MEDIA_TYPE, "Not a CSV file",
                "The file is not CSV text: " + why + ". Send a UTF-8 CSV with the columns context, question, answer.",
                null);
    }
}
