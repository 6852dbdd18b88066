package ai.datasuite.retrieval.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextChunkerTest {

    @Test
    void overlappingWindowsCoverTheWholeText() {
        TextChunker chunker = new TextChunker(4, 1);
        assertEquals(List.of("a b c d", "d e f g", "g h i j"), chunker.chunks("a b c d e f g h i j"));
        // The last window is moved back to end at the text's end rather than being a stub.
        assertEquals(List.of("a b c d", "c d e f"), chunker.chunks("a b c d e f"));
        assertEquals(List.of("a  b\nc"), chunker.chunks("a  b\nc"));
        assertEquals(List.of("one two three four five"), new TextChunker(0, 0).chunks("one two three four five"));
        assertThrows(IllegalArgumentException.class, () -> new TextChunker(4, 4));
    }

    @Test
    void sentencesSplitAtEndMarksFollowedByASentenceStart() {
        TextChunker chunker = new TextChunker(TextChunker.Mode.SENTENCES, 0, 0);
        assertEquals(List.of("Super Bowl 50 was played in 2016.", "The Broncos won!", "Did they?", "\"Yes,\" he said."),
                chunker.chunks("Super Bowl 50 was played in 2016. The Broncos won!  Did they? \"Yes,\" he said."));
        // No split after an abbreviation followed by lower case, nor inside a number.
        assertEquals(List.of("It cost approx. ten dollars, or 3.5 euros."),
                chunker.chunks("It cost approx. ten dollars, or 3.5 euros."));
        assertEquals(List.of("no end mark"), chunker.chunks("no end mark"));
    }
}
