package ai.datasuite.gateway.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Prose through LangChain4j's recursive splitter; tables by rows, each chunk under its header. */
class TextChunkerTest {

    private final TextChunker chunker = new TextChunker(120, 20);

    @Test
    void proseIsSplitIntoChunksOfAtMostTheConfiguredSizeKeepingEveryWord() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("Sentence number ").append(i).append(" talks about the river. ");
            if (i % 5 == 4) {
                text.append("\n\n");
            }
        }
        List<String> chunks = chunker.chunks(text.toString(), false);

        assertTrue(chunks.size() > 5, chunks.toString());
        assertTrue(chunks.stream().allMatch(c -> c.length() <= 120), chunks.toString());
        String joined = String.join(" ", chunks);
        for (int i = 0; i < 30; i++) {
            assertTrue(joined.contains("Sentence number " + i + " "), "sentence " + i);
        }
        assertEquals(List.of(), chunker.chunks(" \n\n ", false));
    }

    @Test
    void csvRowsAreGroupedUnderTheHeaderLine() {
        StringBuilder csv = new StringBuilder("name;age;city\n");
        for (int i = 0; i < 20; i++) {
            csv.append("person").append(i).append(';').append(20 + i).append(";Bergen\n");
        }
        List<String> chunks = chunker.chunks(csv.toString(), true);

        assertTrue(chunks.size() > 2, chunks.toString());
        for (String chunk : chunks) {
            assertTrue(chunk.startsWith("name;age;city\nperson"), chunk);
            assertTrue(chunk.length() <= 120, chunk);
        }
        assertEquals(20, chunks.stream().mapToLong(c -> c.lines().filter(l -> l.startsWith("person")).count()).sum(),
                "every row once");
    }

    @Test
    void eachSheetOfASpreadsheetHasItsOwnHeader() {
        String text = "Prices\nitem\tprice\napple\t3\npear\t4\n\nStock\nitem\tcount\napple\t10\n";
        List<String> chunks = chunker.chunks(text, true);

        assertEquals(List.of("Prices: item\tprice\napple\t3\npear\t4", "Stock: item\tcount\napple\t10"), chunks);
    }

    @Test
    void aRowLongerThanAChunkIsSplitAndEachPieceKeepsTheHeader() {
        String text = "id,comment\n1," + "very long comment ".repeat(20) + "\n2,short\n";
        List<String> chunks = chunker.chunks(text, true);

        assertTrue(chunks.size() > 2, chunks.toString());
        assertTrue(chunks.stream().allMatch(c -> c.startsWith("id,comment\n")), chunks.toString());
        assertTrue(chunks.get(chunks.size() - 1).endsWith("2,short"));
    }

    @Test
    void tablesAreRecognisedByMediaTypeOrDataType() {
        assertTrue(TextChunker.isTable("text/csv; charset=UTF-8", "text"));
        assertTrue(TextChunker.isTable("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null));
        assertTrue(TextChunker.isTable("text/plain", "csv"));
        assertTrue(TextChunker.isTable("text/plain", "text/csv"));
        assertFalse(TextChunker.isTable("text/plain", "text"));
        assertFalse(TextChunker.isTable("application/pdf", "document"));
    }
}
