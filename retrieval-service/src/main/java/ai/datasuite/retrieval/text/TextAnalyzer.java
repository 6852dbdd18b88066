package ai.datasuite.retrieval.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * scikit-learn's word analyzer: optional lower-casing ({@code str.lower()}), the default {@code token_pattern}
 * {@code (?u)\b\w\w+\b}, stop-word removal, then word n-grams joined by one space.
 * <p>
 * The pattern is not run through {@code java.util.regex}: Java's {@code (?U)\w} also matches combining marks and
 * join controls, and misses numbers such as {@code ²} or {@code ½}, while Python's {@code \w} is "alphanumeric or
 * underscore" ({@code str.isalnum()}). The pattern finds exactly the maximal runs of such characters that are at least
 * two code points long, which is what {@link #tokens} scans for.
 */
public final class TextAnalyzer {

    /** Python's code-point order of {@code sorted()} (Java's {@code compareTo} orders UTF-16 units). */
    public static final Comparator<String> CODE_POINT_ORDER = TextAnalyzer::compareCodePoints;

    private final boolean lowercase;
    private final Set<String> stopWords;
    private final int minN;
    private final int maxN;

    /**
     * @param stopWords tokens to drop (after lower-casing when {@code lowercase}); empty for none
     * @param minN      smallest n-gram length, at least 1
     * @param maxN      largest n-gram length, at least {@code minN}
     */
    public TextAnalyzer(boolean lowercase, Set<String> stopWords, int minN, int maxN) {
        if (minN < 1 || maxN < minN) {
            throw new IllegalArgumentException("ngram_range must satisfy 1 <= min_n <= max_n");
        }
        this.lowercase = lowercase;
        this.stopWords = Set.copyOf(stopWords);
        this.minN = minN;
        this.maxN = maxN;
    }

    /** The terms of {@code text} in order of appearance, n-gram by n-gram length as scikit-learn emits them. */
    public List<String> analyze(String text) {
        List<String> tokens = tokens(lowercase ? text.toLowerCase(Locale.ROOT) : text);
        if (!stopWords.isEmpty()) {
            tokens.removeIf(stopWords::contains);
        }
        if (maxN == 1) {
            return tokens;
        }
        List<String> terms = new ArrayList<>();
        int from = minN;
        if (minN == 1) {
            terms.addAll(tokens);
            from = 2;
        }
        for (int n = from; n <= Math.min(maxN, tokens.size()); n++) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                terms.add(String.join(" ", tokens.subList(i, i + n)));
            }
        }
        return terms;
    }

    /** The matches of Python's {@code (?u)\b\w\w+\b} in {@code text}. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int codePoints = 0;
            while (i < length) {
                cp = text.codePointAt(i);
                if (!isWordChar(cp)) {
                    break;
                }
                codePoints++;
                i += Character.charCount(cp);
            }
            if (codePoints >= 2) {
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }

    /**
     * Python's {@code \w} for str patterns: a letter (Lu, Ll, Lt, Lm, Lo), a character with a numeric value (decimal
     * digits, Roman numerals, superscripts, fractions), or the underscore.
     */
    static boolean isWordChar(int cp) {
        return cp == '_' || Character.isLetter(cp) || Character.getNumericValue(cp) != -1;
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
