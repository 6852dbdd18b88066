package ai.datasuite.retrieval.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a chunk into sentences for answer highlights. A sentence ends at {@code .}, {@code !} or {@code ?} (with any
 * closing quotes or brackets after it) followed by white space and then something that can start a sentence (a capital,
 * a digit, an opening quote or bracket); a blank line always ends one. Not an end: a period inside a token
 * ({@code 3.14}, {@code e.g.}), after a known abbreviation ({@code Dr.}, {@code U.S.}, {@code Jan.}) or after a single
 * capital initial ({@code J. Smith}). A single line break is a space unless the line before ended a sentence (text
 * extracted from PDFs is hard-wrapped). A text without sentence punctuation is one sentence. A sentence longer than
 * {@code maxChars} is cut at word boundaries, so a scorer never embeds an unbounded string.
 */
public final class SentenceSplitter {

    /** Lower-case, without the final period; a period before a capital after these does not end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt",
            "ft", "gen", "col", "lt", "capt", "sgt", "gov", "sen", "rep", "rev", "hon", "vs", "etc", "e.g", "i.e",
            "cf", "al", "inc", "ltd", "co", "corp", "no", "nos", "vol", "fig", "figs", "pp", "ch", "sec", "approx",
            "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
            "u.n", "a.m", "p.m", "ph.d", "b.c", "a.d", "d.c");
    private static final String CLOSERS = "\"'”’)]»";
    private static final String OPENERS = "\"'“‘([«";

    private final int maxChars;

    public SentenceSplitter(int maxChars) {
        if (maxChars < 20) {
            throw new IllegalArgumentException("maxChars must be at least 20");
        }
        this.maxChars = maxChars;
    }

    /** The sentences of {@code text} in order, trimmed, none blank, none longer than {@code maxChars}. */
    public List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' && blankLineAt(text, i)) {
                add(text.substring(start, i), out);
                start = i + 1;
            } else if (c == '.' || c == '!' || c == '?' || c == '…') {
                int end = i + 1;
                while (end < n && (text.charAt(end) == '.' || text.charAt(end) == '!' || text.charAt(end) == '?')) {
                    end++; // "?!" or "..."
                }
                while (end < n && CLOSERS.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                if (isBoundary(text, i, end)) {
                    add(text.substring(start, end), out);
                    start = end;
                    i = end;
                    continue;
                }
                i = end;
                continue;
            }
            i++;
        }
        add(text.substring(start), out);
        return out;
    }

    /** {@code text[mark]} is the first end mark, {@code end} just after its closers. */
    private static boolean isBoundary(String text, int mark, int end) {
        int n = text.length();
        if (end >= n) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(end))) {
            return false; // 3.14, e.g., www.x.org
        }
        int next = end;
        while (next < n && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        if (next >= n) {
            return true;
        }
        char first = text.charAt(next);
        boolean canStart = Character.isUpperCase(first) || Character.isDigit(first) || OPENERS.indexOf(first) >= 0
                || Character.isLetter(first) && !Character.isLowerCase(first); // scripts without case
        if (!canStart) {
            return false;
        }
        if (text.charAt(mark) != '.' || end - mark > 1 && text.charAt(mark + 1) == '.') {
            return true; // ! ? and ellipses end a sentence before a capital
        }
        String word = wordBefore(text, mark);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return false; // an initial: "J. R. R. Tolkien"
        }
        return !ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** The token before the period at {@code mark}, inner periods kept ("U.S" of "U.S."), openers stripped. */
    private static String wordBefore(String text, int mark) {
        int from = mark;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        String word = text.substring(from, mark);
        while (!word.isEmpty() && OPENERS.indexOf(word.charAt(0)) >= 0) {
            word = word.substring(1);
        }
        return word;
    }

    private static boolean blankLineAt(String text, int newline) {
        int j = newline + 1;
        while (j < text.length() && text.charAt(j) != '\n' && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j < text.length() && text.charAt(j) == '\n';
    }

    private void add(String raw, List<String> out) {
        String sentence = raw.replaceAll("\\s+", " ").trim();
        if (sentence.isEmpty() || sentence.chars().noneMatch(Character::isLetterOrDigit)) {
            return;
        }
        while (sentence.length() > maxChars) {
            int cut = sentence.lastIndexOf(' ', maxChars);
            if (cut < maxChars / 2) {
                cut = maxChars; // one very long token: cut it
            }
            out.add(sentence.substring(0, cut).trim());
            sentence = sentence.substring(cut).trim();
        }
        if (!sentence.isEmpty()) {
            out.add(sentence);
        }
    }
}
