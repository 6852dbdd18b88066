package ai.datasuite.gateway.evaluation.score;

import java.util.Locale;

/** The pieces of Python's text handling GAIA's {@code normalize_str} uses, character for character. */
public final class PythonText {

    /** Python's {@code string.punctuation}: ASCII only; Unicode punctuation such as {@code ，} or {@code “} stays. */
    public static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private PythonText() {
    }

    /**
     * Python's {@code str.isspace()}, which its {@code re} module's {@code \s} also uses: the characters of Unicode
     * category Zs or bidirectional class WS, B or S (Unicode 14, as Python 3.11). Wider than Java's
     * {@link Character#isWhitespace} (it includes the no-break spaces and U+0085) and than {@code \s} in Java regex.
     */
    public static boolean isSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0
                || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029
                || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /**
     * GAIA's {@code normalize_str}: {@code re.sub(r"\s", "", text)}, then {@code lower()}, then (when asked)
     * {@code string.punctuation} removed.
     */
    public static String normalize(String text, boolean removePunctuation) {
        StringBuilder noSpaces = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !isSpace(cp)).forEach(noSpaces::appendCodePoint);
        // Locale.ROOT: full Unicode mappings (İ → i̇, final sigma) as Python's lower(), never the Turkish rules.
        String lower = noSpaces.toString().toLowerCase(Locale.ROOT);
        if (!removePunctuation) {
            return lower;
        }
        StringBuilder kept = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (PUNCTUATION.indexOf(c) < 0) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
