package ai.datasuite.metadata.evaluation;

/** Stored texts of runs: cut at a limit in code points, lone surrogates replaced (utf8mb4 cannot hold them). */
final class Texts {

    private Texts() {
    }

    /** The text cut to {@code max} code points and {@link #wasCut} telling whether it was. */
    record Cut(String text, boolean wasCut) {
    }

    static Cut cut(String text, int max) {
        if (text == null) {
            return new Cut(null, false);
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 16));
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (count == max) {
                return new Cut(out.toString(), true);
            }
            out.appendCodePoint(Character.isSurrogate((char) cp) && cp < Character.MIN_SUPPLEMENTARY_CODE_POINT
                    ? 0xFFFD : cp);
            count++;
            i += Character.charCount(cp);
        }
        return new Cut(out.toString(), false);
    }
}
