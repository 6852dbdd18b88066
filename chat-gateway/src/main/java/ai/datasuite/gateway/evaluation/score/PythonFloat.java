package ai.datasuite.gateway.evaluation.score;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * CPython's {@code float(str)} and {@code repr(float)} in Java. GAIA's scorer lets Python decide what a number is, and
 * {@link Double#parseDouble} differs both ways: it takes {@code 1d}, {@code 0x1p3}, {@code NaN} only in that case and
 * trims control characters, while Python takes {@code 1_000}, {@code nan}/{@code inf} in any case and Unicode digits
 * and spaces. So the text is checked against Python's grammar here and only then handed to Java as plain ASCII
 * (both round correctly, so the value is the same).
 */
public final class PythonFloat {

    private PythonFloat() {
    }

    /**
     * The value Python's {@code float(text)} gives, or empty where Python raises {@code ValueError} (and for null).
     * Like CPython: non-ASCII white space becomes a space and Unicode decimal digits their ASCII digit, then ASCII
     * white space is stripped from both ends; underscores may stand only between two digits.
     */
    public static OptionalDouble parse(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        String ascii = strip(toAscii(text));
        if (ascii == null || ascii.isEmpty()) {
            return OptionalDouble.empty();
        }
        int at = 0;
        boolean negative = false;
        if (ascii.charAt(0) == '+' || ascii.charAt(0) == '-') {
            negative = ascii.charAt(0) == '-';
            at = 1;
        }
        String rest = ascii.substring(at).toLowerCase(Locale.ROOT);
        if (rest.equals("inf") || rest.equals("infinity")) {
            return OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (rest.equals("nan")) {
            return OptionalDouble.of(Double.NaN);
        }
        String decimal = decimal(ascii, at);
        return decimal == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(decimal));
    }

    /** True where {@link #parse} finds a number (GAIA's {@code is_float}). */
    public static boolean isFloat(String text) {
        return parse(text).isPresent();
    }

    /**
     * Python's {@code repr(value)}: the shortest digits that read back as the same double, in fixed notation with at
     * least one decimal ({@code 89706.0}, {@code 0.0001}) unless the exponent is below -4 or above 15 ({@code 1e-05},
     * {@code 1e+16}); {@code inf}, {@code -inf}, {@code nan}.
     */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String sign = value < 0 || (value == 0 && 1 / value < 0) ? "-" : "";
        if (value == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int point = digits.length() - shortest.scale(); // value = 0.digits * 10^point
        if (point <= -4 || point > 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int exponent = point - 1;
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        if (point <= 0) {
            return sign + "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return sign + digits + "0".repeat(point - digits.length()) + ".0";
        }
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }

    // The fewest significant digits that read back as value; of those, the nearest to it (as Python's dtoa mode 0).
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal best = null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR,
                    RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == value && (best == null
                        || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best.stripTrailingZeros();
            }
        }
        return exact.round(MathContext.DECIMAL64).stripTrailingZeros();
    }

    // CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: null when a character can be neither (Python fails then).
    private static String toAscii(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                ascii.append((char) cp);
            } else if (PythonText.isSpace(cp)) {
                ascii.append(' ');
            } else if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                ascii.append((char) ('0' + Character.digit(cp, 10)));
            } else {
                return null;
            }
        }
        return ascii.toString();
    }

    // Python's Py_ISSPACE: only ASCII space, \t, \n, \v, \f, \r (not \x1c..\x1f, which str.isspace() includes).
    private static String strip(String ascii) {
        if (ascii == null) {
            return null;
        }
        int start = 0;
        int end = ascii.length();
        while (start < end && isAsciiSpace(ascii.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiSpace(ascii.charAt(end - 1))) {
            end--;
        }
        return ascii.substring(start, end);
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /**
     * Python's decimal literal from {@code at}: {@code [digits] "." digits | digits ["."]}, then an optional
     * {@code e[+-]digits}, where digits may hold single underscores between digits. The text without underscores,
     * or null when it is not one.
     */
    private static String decimal(String text, int at) {
        StringBuilder plain = new StringBuilder(text.length()).append(text, 0, at);
        int i = at;
        int intDigits = digits(text, i, plain);
        if (intDigits < 0) {
            return null;
        }
        i += intDigits;
        int fracDigits = 0;
        if (i < text.length() && text.charAt(i) == '.') {
            plain.append('.');
            i++;
            fracDigits = digits(text, i, plain);
            if (fracDigits < 0) {
                return null;
            }
            i += fracDigits;
        }
        if (intDigits == 0 && fracDigits == 0) {
            return null;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            plain.append('e');
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                plain.append(text.charAt(i));
                i++;
            }
            int expDigits = digits(text, i, plain);
            if (expDigits <= 0) {
                return null;
            }
            i += expDigits;
        }
        return i == text.length() ? plain.toString() : null;
    }

    /**
     * How many characters of digits (with single underscores between digits) start at {@code at}, appending the
     * digits to {@code plain}; negative when an underscore is misplaced.
     */
    private static int digits(String text, int at, StringBuilder plain) {
        int i = at;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                plain.append(c);
                i++;
            } else if (c == '_') {
                boolean between = i > at && i + 1 < text.length() && isDigit(text.charAt(i + 1));
                if (!between) {
                    return -1;
                }
                i++;
            } else {
                break;
            }
        }
        return i - at;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
