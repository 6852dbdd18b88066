package ai.datasuite.ingest.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextSinkTest {

    @Test
    void writesUpToTheLimitThenStopsTheWriter() throws Exception {
        StringWriter out = new StringWriter();
        TextSink sink = new TextSink(out, 5);
        sink.write("abc");
        assertFalse(sink.isTruncated());
        assertThrows(TextSink.LimitReachedException.class, () -> sink.write("defg"));
        assertEquals("abcde", out.toString());
        assertEquals(5, sink.written());
        assertTrue(sink.isTruncated());
    }

    @Test
    void headersDoNotCountAsText() {
        TextSink sink = new TextSink(new StringWriter(), 100);
        sink.header("=== a.txt ===");
        assertFalse(sink.hasText());
        assertEquals(14, sink.written());
        char[] blank = " \n".toCharArray();
        sink.append(blank, 0, blank.length);
        assertFalse(sink.hasText());
        char[] word = "x".toCharArray();
        sink.append(word, 0, 1);
        assertTrue(sink.hasText());
    }
}
