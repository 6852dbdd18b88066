package ai.datasuite.gateway.evaluation.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Each branch of the scorer and what it reports besides the verdict. */
class QuestionScorerTest {

    @Test
    void aNumericTruthComparesNumbersAfterDroppingDollarsPercentAndCommas() {
        Score score = QuestionScorer.score("$89,706.00", "89706");

        assertTrue(score.correct());
        assertEquals(new Score(true, "number", "89706.0", "89706.0", List.of()), score);
        Score words = QuestionScorer.score("about 89706", "89706");
        assertFalse(words.correct());
        assertEquals("about 89706", words.normalizedAnswer(), "an answer that is no number is shown as cleaned");
    }

    @Test
    void anAnswerThatIsNoNumberCountsAsInfinityAsInTheOfficialScorer() {
        assertTrue(QuestionScorer.score("I cannot tell", "inf").correct());
        assertTrue(QuestionScorer.score(null, "Infinity").correct());
        assertFalse(QuestionScorer.score("I cannot tell", "-inf").correct());
        assertFalse(QuestionScorer.score("nan", "nan").correct(), "nan equals nothing");
    }

    @Test
    void aNullAnswerIsTheTextNone() {
        assertTrue(QuestionScorer.score(null, "none").correct());
        assertEquals("none", QuestionScorer.score(null, "x").normalizedAnswer());
        assertThrows(IllegalArgumentException.class, () -> QuestionScorer.score("x", null));
    }

    @Test
    void aListIsComparedElementByElementKeepingPunctuation() {
        Score score = QuestionScorer.score("St. Louis; $2 , x", "st. louis, 2, X");

        assertTrue(score.correct());
        assertEquals("list", score.kind());
        assertEquals(List.of(new ElementScore("st.louis", "st.louis", "string", true),
                new ElementScore("2.0", "2.0", "number", true),
                new ElementScore("x", "x", "string", true)), score.elements());
        assertEquals("st.louis,2.0,x", score.normalizedAnswer());
        assertFalse(QuestionScorer.score("St Louis, 2, x", "St. Louis, 2, x").correct());
    }

    @Test
    void listsOfDifferentLengthsAreWrongAndShowTheMissingSide() {
        Score shorter = QuestionScorer.score("a, b", "a, b, 3");

        assertFalse(shorter.correct());
        assertEquals(new ElementScore(null, "3.0", "number", false), shorter.elements().get(2));
        assertTrue(shorter.elements().get(0).correct());
        Score longer = QuestionScorer.score("a, b, c", "a, b");
        assertFalse(longer.correct());
        assertEquals(new ElementScore("c", null, "string", false), longer.elements().get(2));
        assertEquals("a,b", longer.normalizedTruth());
        // Python keeps the empty last element: "a, b," is three elements
        assertEquals(3, QuestionScorer.score("a, b,", "a, b,").elements().size());
        assertTrue(QuestionScorer.score("a, b,", "a, b,").correct());
    }

    @Test
    void aStringDropsWhiteSpaceAndAsciiPunctuationOnly() {
        Score score = QuestionScorer.score(" Sea\u00a0Gull! ", "seagull");

        assertEquals(new Score(true, "string", "seagull", "seagull", List.of()), score);
        assertFalse(QuestionScorer.score("\u201cParis\u201d", "Paris").correct(), "curly quotes are not punctuation");
        assertFalse(QuestionScorer.score("Paris\u200b", "Paris").correct(), "a zero-width space is not white space");
        assertTrue(QuestionScorer.score("Paris\u001c", "Paris").correct(), "\\x1c is white space to Python");
    }
}
