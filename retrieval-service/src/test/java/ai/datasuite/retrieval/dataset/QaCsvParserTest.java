package ai.datasuite.retrieval.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.datasuite.problem.ProblemException;

/** Every validation rule of the dataset upload, each with a tiny crafted CSV, and the real SQuAD part files. */
class QaCsvParserTest {

    static final Path SQUAD = Path.of("../datasets/squad-v1.1-dev");
    private static final QaCsvParser.Options STRICT = new QaCsvParser.Options(false, 3);
    private static final QaCsvParser.Options LENIENT = new QaCsvParser.Options(true, 3);

    private static QaCsvParser.Parsed parse(String csv) {
        return QaCsvParser.parse(csv.getBytes(StandardCharsets.UTF_8), STRICT);
    }

    private static ProblemException refused(String csv) {
        return refused(csv.getBytes(StandardCharsets.UTF_8), STRICT);
    }

    private static ProblemException refused(byte[] bytes, QaCsvParser.Options options) {
        return assertThrows(ProblemException.class, () -> QaCsvParser.parse(bytes, options));
    }

    @Test
    void rfc4180FieldsWithCommasQuotesAndNewlines() {
        QaCsvParser.Parsed parsed = parse("""
                context,question,answer
                "Paris, the capital","Where is ""it""?","in France"
                "Line one
                line two",Why?,"because,
                really"
                """);
        assertEquals(2, parsed.rows().size());
        QaRow first = parsed.rows().get(0);
        assertEquals("Paris, the capital", first.context());
        assertEquals("Where is \"it\"?", first.question());
        assertEquals("in France", first.answer());
        QaRow second = parsed.rows().get(1);
        assertEquals("Line one\nline two", second.context());
        assertEquals("because,\nreally", second.answer());
        assertEquals(List.of(1, 2), parsed.rows().stream().map(QaRow::row).toList());
    }

    @Test
    void distinctContextsAreTrimmedExactMatchesInFirstOccurrenceOrder() {
        QaCsvParser.Parsed parsed = parse("""
                context,question,answer
                B text,q1,a1
                A text,q2,a2
                "  B text ",q3,a3
                b text,q4,a4
                A text,q5 ,a5
                """);
        assertEquals(List.of("B text", "A text", "b text"), parsed.contexts());
        assertEquals(List.of(0, 1, 0, 2, 1), parsed.rows().stream().map(QaRow::contextIndex).toList());
        assertEquals("B text", parsed.rows().get(2).context());
        assertEquals("q5 ", parsed.rows().get(4).question(), "questions are kept as given");
    }

    @Test
    void headerIsMatchedTrimmedAndIgnoringCaseInAnyOrderWithABom() {
        QaCsvParser.Parsed parsed = parse("\uFEFF Answer ,QUESTION, context\r\nyes,Is it?,It is.\r\n");
        QaRow row = parsed.rows().get(0);
        assertEquals("It is.", row.context());
        assertEquals("Is it?", row.question());
        assertEquals("yes", row.answer());
        assertEquals(List.of(" Answer ", "QUESTION", " context"), parsed.header());
    }

    @Test
    void missingRepeatedAndExtraColumnsAreNamed() {
        ProblemException missing = refused("context,question\nc,q\n");
        assertEquals(400, missing.status());
        assertEquals(List.of("answer"), missing.extensions().get("missing_columns"));
        assertTrue(missing.detail().contains("missing column(s) answer"), missing.detail());

        ProblemException repeated = refused("context,question,answer,Context\nc,q,a,c\n");
        assertEquals(List.of("Context"), repeated.extensions().get("duplicate_columns"));

        ProblemException extra = refused("context,question,answer,title,id\nc,q,a,t,1\n");
        assertEquals(List.of("title", "id"), extra.extensions().get("extra_columns"));
        assertTrue(extra.detail().contains("unexpected column(s) title, id (send extra_columns=ignore"),
                extra.detail());
    }

    @Test
    void extraColumnsMayBeIgnoredOnRequest() {
        QaCsvParser.Parsed parsed = QaCsvParser.parse(
                "id,context,question,answer,title\n1,c,q,a,t\n".getBytes(StandardCharsets.UTF_8), LENIENT);
        assertEquals(List.of("id", "title"), parsed.ignoredColumns());
        assertEquals("c", parsed.rows().get(0).context());
        assertEquals("a", parsed.rows().get(0).answer());
    }

    @Test
    @SuppressWarnings("unchecked")
    void emptyFieldsAreListedByRowUpToTheLimitWithTheTotal() {
        ProblemException e = refused("""
                context,question,answer
                c1,q1,a1
                c2,,a2
                c3,q3,"  "
                ,q4,a4
                c5,,
                c6,q6,a6
                """);
        assertEquals(400, e.status());
        List<Map<String, Object>> errors = (List<Map<String, Object>>) e.extensions().get("errors");
        assertEquals(3, errors.size(), "at most maxListedErrors are listed");
        assertEquals(5, e.extensions().get("error_count"));
        assertEquals(Map.of("row", 2, "line", 3L, "column", "question", "message", "is empty"),
                Map.copyOf(errors.get(0)));
        assertEquals(3, errors.get(1).get("row"));
        assertEquals("answer", errors.get(1).get("column"));
        assertEquals(4, errors.get(2).get("row"));
        assertEquals("context", errors.get(2).get("column"));
        assertTrue(e.detail().startsWith("5 problem(s) in the rows; the first at row 2 (question)"), e.detail());
    }

    @Test
    @SuppressWarnings("unchecked")
    void rowsWithTheWrongNumberOfFieldsAreListed() {
        ProblemException e = refused("context,question,answer\nc,q,a\nc,q\nc,q,a,x\n");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) e.extensions().get("errors");
        assertEquals(List.of(2, 3), errors.stream().map(m -> m.get("row")).toList());
        assertEquals("has 2 fields; the header has 3", errors.get(0).get("message"));
    }

    @Test
    void anUnclosedQuoteNamesTheRowWhereTheBrokenFieldStarts() {
        // Row 3 starts on line 5 (row 2's context spans two lines); its quoted question never closes.
        ProblemException e = refused("""
                context,question,answer
                c1,q1,a1
                "two
                lines",q2,a2
                c3,"q3 never closed,a3
                c4,q4,a4
                """);
        assertEquals(400, e.status());
        assertEquals(3, e.extensions().get("row"));
        assertEquals(5L, e.extensions().get("line"));
        assertTrue(e.detail().contains("Malformed CSV at row 3 (starting on line 5): a quoted field is never closed"),
                e.detail());
    }

    @Test
    void textAfterAClosingQuoteIsAnUnbalancedQuote() {
        ProblemException e = refused("context,question,answer\nc1,q1,a1\nc2,\"q2\"oops,a2\n");
        assertEquals(2, e.extensions().get("row"));
        assertTrue(e.detail().contains("a quoted field is followed by text before the next comma"), e.detail());
    }

    @Test
    void aBrokenHeaderIsNamedAsSuch() {
        ProblemException e = refused("\"context,question,answer\n");
        assertEquals(0, e.extensions().get("row"));
        assertTrue(e.detail().startsWith("Malformed CSV at the header (starting on line 1)"), e.detail());
    }

    @Test
    void invalidUtf8NamesTheByteOffsetAndLine() {
        byte[] head = "context,question,answer\nCaf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 6];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é: not UTF-8
        System.arraycopy(",q,a\n".getBytes(StandardCharsets.UTF_8), 0, bytes, head.length + 1, 5);
        ProblemException e = refused(bytes, STRICT);
        assertEquals(400, e.status());
        assertEquals(head.length, e.extensions().get("byte_offset"));
        assertEquals(2, e.extensions().get("line"));
        assertTrue(e.detail().contains("not valid UTF-8: invalid byte sequence at byte offset " + head.length),
                e.detail());
    }

    @Test
    void binaryContentIs415() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        ProblemException image = refused(png, STRICT);
        assertEquals(415, image.status());
        assertEquals("unsupported-media-type", image.slug());
        assertTrue(image.detail().contains("a PNG image"), image.detail());

        ProblemException zip = refused(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, STRICT);
        assertTrue(zip.detail().contains("ZIP"), zip.detail());

        ProblemException utf16 = refused("context,question,answer\n".getBytes(StandardCharsets.UTF_16LE), STRICT);
        assertEquals(415, utf16.status());
        assertTrue(utf16.detail().contains("NUL bytes"), utf16.detail());

        byte[] noise = new byte[200];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (i % 2 == 0 ? 0x01 : 'a');
        }
        assertEquals(415, refused(noise, STRICT).status());
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAre400() {
        assertTrue(refused(new byte[0], STRICT).detail().contains("empty"));
        assertTrue(refused("context,question,answer\n").detail().contains("no data rows"));
        assertTrue(refused("\n\n").detail().contains("no header row"));
    }

    @Test
    void blankLinesAreSkippedAndDoNotCountAsRows() {
        QaCsvParser.Parsed parsed = parse("context,question,answer\n\nc1,q1,a1\n\n\nc2,q2,a2\n");
        assertEquals(List.of(1, 2), parsed.rows().stream().map(QaRow::row).toList());
    }

    @Test
    void theSharedSquadPartsParseWithTheirRowsAndDistinctContexts() throws IOException {
        int[][] expected = {{2880, 494}, {2761, 564}, {2757, 577}};
        for (int part = 1; part <= 3; part++) {
            byte[] bytes = Files.readAllBytes(SQUAD.resolve("squad_v1.1_dev_qa_part" + part + ".csv"));
            assertEquals(400, refused(bytes, STRICT).status(), "SQuAD has extra columns (id, title, ...)");
            QaCsvParser.Parsed parsed = QaCsvParser.parse(bytes, LENIENT);
            assertEquals(expected[part - 1][0], parsed.rows().size(), "rows of part " + part);
            assertEquals(expected[part - 1][1], parsed.contexts().size(), "contexts of part " + part);
            assertEquals(List.of("id", "title", "paragraph_index", "all_answers"), parsed.ignoredColumns());
            if (part == 1) {
                QaRow first = parsed.rows().get(0);
                assertEquals(1, first.row());
                assertEquals("Which NFL team represented the AFC at Super Bowl 50?", first.question());
                assertEquals(0, first.contextIndex());
                QaRow hundredth = parsed.rows().get(99);
                assertEquals(100, hundredth.row());
                assertEquals(3, hundredth.contextIndex());
                assertEquals("Coldplay", hundredth.answer());
                assertEquals(493, parsed.rows().get(2879).contextIndex());
                assertTrue(parsed.contexts().stream().anyMatch(c -> c.contains("\n")),
                        "part 1 has contexts with line breaks");
            }
        }
    }

    @Test
    void aParserFailureAnswersInTheUsersTermsWithoutTheParsersMessage() {
        // commons-csv wraps its IOExceptions; their text (class names, internals) must not reach the caller.
        java.util.Iterator<org.apache.commons.csv.CSVRecord> failing = new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                throw new java.io.UncheckedIOException(new IOException(
                        "IOException reading next record: java.io.IOException: (line 7) /srv/suite/data/x.csv"));
            }

            @Override
            public org.apache.commons.csv.CSVRecord next() {
                throw new java.util.NoSuchElementException();
            }
        };
        ProblemException e = assertThrows(ProblemException.class, () -> QaCsvParser.next(failing, 3, 7));
        assertEquals(400, e.status());
        assertEquals(3, e.extensions().get("row"));
        assertTrue(e.detail().startsWith("Malformed CSV at row 3 (starting on line 7)"), e.detail());
        assertTrue(!e.detail().contains("IOException") && !e.detail().contains("/srv"), e.detail());
    }
}
