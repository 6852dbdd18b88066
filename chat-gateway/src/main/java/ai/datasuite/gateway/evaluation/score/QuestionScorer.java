package ai.datasuite.gateway.evaluation.score;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * GAIA's official {@code question_scorer} (the leaderboard's {@code scorer.py}, Apache-2.0), ported so that it agrees
 * with the Python on every input; {@code src/test/resources/gaia-scorer/} holds the Python and the cases both run.
 * <ul>
 * <li>A ground truth that Python's {@code float()} reads is a <b>number</b>: the answer, without {@code $ % ,}, must
 * read as the same float ({@code ==}: {@code nan} never matches, {@code -0} matches {@code 0}).</li>
 * <li>Else a ground truth holding {@code ,} or {@code ;} is a <b>list</b>: both are split on those (empty elements
 * kept, also a trailing one), must be as long, and each element matches as a number (when the truth's element is
 * one) or as a string without white space, lower-cased, punctuation kept.</li>
 * <li>Else both are compared as <b>strings</b> without white space, lower-cased, without {@code string.punctuation}.
 * </li>
 * </ul>
 * Faithful quirks: an answer that is no number counts as {@code inf} (the official code returns
 * {@code float("inf")}), so it is <em>right</em> against the ground truth {@code inf}; a ground truth such as
 * {@code 1,000} is not a number but a two-element list; a null answer is scored as the text {@code None}.
 */
public final class QuestionScorer {

    private static final Pattern SEPARATORS = Pattern.compile("[,;]");

    private QuestionScorer() {
    }

    /** Scores one answer against its ground truth; {@code modelAnswer} null is the text "None", as in GAIA. */
    public static Score score(String modelAnswer, String groundTruth) {
        if (groundTruth == null) {
            throw new IllegalArgumentException("groundTruth is required");
        }
        String answer = modelAnswer == null ? "None" : modelAnswer;
        OptionalDouble truthNumber = PythonFloat.parse(groundTruth);
        if (truthNumber.isPresent()) {
            ElementScore number = number(answer, truthNumber.getAsDouble());
            return new Score(number.correct(), Score.NUMBER, number.answer(), number.truth(), List.of());
        }
        if (groundTruth.indexOf(',') >= 0 || groundTruth.indexOf(';') >= 0) {
            return list(answer, groundTruth);
        }
        String a = PythonText.normalize(answer, true);
        String t = PythonText.normalize(groundTruth, true);
        return new Score(a.equals(t), Score.STRING, a, t, List.of());
    }

    private static Score list(String answer, String groundTruth) {
        String[] truths = split(groundTruth);
        String[] answers = split(answer);
        List<ElementScore> elements = new ArrayList<>();
        for (int i = 0; i < Math.max(truths.length, answers.length); i++) {
            elements.add(element(i < answers.length ? answers[i] : null, i < truths.length ? truths[i] : null));
        }
        boolean correct = truths.length == answers.length && elements.stream().allMatch(ElementScore::correct);
        return new Score(correct, Score.LIST, join(elements, true), join(elements, false), elements);
    }

    private static ElementScore element(String answer, String truth) {
        OptionalDouble truthNumber = truth == null ? OptionalDouble.empty() : PythonFloat.parse(truth);
        if (truthNumber.isPresent()) {
            return answer == null
                    ? new ElementScore(null, PythonFloat.repr(truthNumber.getAsDouble()), Score.NUMBER, false)
                    : number(answer, truthNumber.getAsDouble());
        }
        // punctuation stays: list elements may differ only by it
        String a = answer == null ? null : PythonText.normalize(answer, false);
        String t = truth == null ? null : PythonText.normalize(truth, false);
        return new ElementScore(a, t, Score.STRING, a != null && a.equals(t));
    }

    /** GAIA's {@code normalize_number_str(answer) == float(truth)}; an answer that does not parse is {@code inf}. */
    private static ElementScore number(String answer, double truth) {
        String cleaned = answer.replace("$", "").replace("%", "").replace(",", "");
        OptionalDouble parsed = PythonFloat.parse(cleaned);
        double value = parsed.orElse(Double.POSITIVE_INFINITY);
        return new ElementScore(parsed.isPresent() ? PythonFloat.repr(value) : cleaned, PythonFloat.repr(truth),
                Score.NUMBER, value == truth);
    }

    /** Python's {@code re.split("[,;]", text)}: every element, also empty ones at either end. */
    private static String[] split(String text) {
        return SEPARATORS.split(text, -1);
    }

    private static String join(List<ElementScore> elements, boolean answers) {
        List<String> parts = new ArrayList<>();
        for (ElementScore element : elements) {
            String part = answers ? element.answer() : element.truth();
            if (part != null) {
                parts.add(part);
            }
        }
        return String.join(",", parts);
    }
}
