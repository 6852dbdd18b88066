package ai.datasuite.retrieval.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a context into the pieces a dense model embeds besides (or instead of) the whole text:
 * {@link Mode#SENTENCES} (a question usually paraphrases one sentence, and a sentence vector is not diluted by the
 * rest of the paragraph), or overlapping windows of {@code words} whitespace-separated words ({@link Mode#WORDS}, for
 * a model with a short input: MiniLM reads 128 tokens). {@link Mode#NONE} gives the text itself. In word mode the last
 * window ends at the text's end (it may overlap its predecessor more than {@code overlap}).
 */
public record TextChunker(Mode mode, int words, int overlap) {

    /** How to split. */
    public enum Mode {
        NONE, SENTENCES, WORDS
    }

    // A sentence ends at . ! or ? followed by space and something that can start a sentence.
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\"'(\\[A-Z0-9])");

    public TextChunker {
        if (mode == Mode.WORDS && (words < 1 || overlap < 0 || overlap >= words)) {
            throw new IllegalArgumentException("Need 0 <= overlap < words");
        }
    }

    /** Word windows; {@code words} 0 means no chunking. */
    public TextChunker(int words, int overlap) {
        this(words == 0 ? Mode.NONE : Mode.WORDS, words, overlap);
    }

    public List<String> chunks(String text) {
        return switch (mode) {
            case NONE -> List.of(text);
            case SENTENCES -> sentences(text);
            case WORDS -> windows(text);
        };
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(text)) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out.isEmpty() ? List.of(text) : out;
    }

    private List<String> windows(String text) {
        String[] tokens = text.trim().split("\\s+");
        if (tokens.length <= words) {
            return List.of(text);
        }
        List<String> chunks = new ArrayList<>();
        int step = words - overlap;
        for (int start = 0; ; start += step) {
            int from = Math.min(start, tokens.length - words);
            chunks.add(String.join(" ", Arrays.copyOfRange(tokens, from, from + words)));
            if (from + words >= tokens.length) {
                return chunks;
            }
        }
    }
}
