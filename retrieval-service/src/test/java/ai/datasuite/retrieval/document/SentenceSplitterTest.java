package ai.datasuite.retrieval.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter(400);

    @Test
    void splitsAtSentenceEndsBeforeACapitalDigitOrQuote() {
        assertEquals(List.of("The game was played in 2016.", "Denver won!", "Was it close?", "\"No,\" he said.",
                        "50 teams entered."),
                splitter.split("The game was played in 2016. Denver won! Was it close? \"No,\" he said. 50 teams"
                        + " entered."));
    }

    @Test
    void abbreviationsInitialsAndDecimalsDoNotEndASentence() {
        assertEquals(List.of("Dr. Smith met Mr. J. R. Jones in the U.S. Army at 3.5 p.m. on Jan. 5.",
                        "Pi is about 3.14159, e.g. in circles."),
                splitter.split("Dr. Smith met Mr. J. R. Jones in the U.S. Army at 3.5 p.m. on Jan. 5. Pi is about"
                        + " 3.14159, e.g. in circles."));
        // A lower-case word after a period is no new sentence either (an unknown abbreviation).
        assertEquals(List.of("Approx. five km. away."), splitter.split("Approx. five km. away."));
    }

    @Test
    void closingQuotesAndBracketsStayWithTheirSentence() {
        assertEquals(List.of("He called it \"the golden anniversary.\"", "(It was the 50th.)", "Next one."),
                splitter.split("He called it \"the golden anniversary.\" (It was the 50th.) Next one."));
    }

    @Test
    void blankLinesSplitAndWrappedLinesJoin() {
        assertEquals(List.of("Title without a period", "A sentence that was hard wrapped by a PDF extractor.",
                        "Another one."),
                splitter.split("Title without a period\n\nA sentence that was hard\nwrapped by a PDF extractor.\n"
                        + "Another one."));
    }

    @Test
    void textWithoutPunctuationIsOneSentenceAndLongOnesAreCut() {
        assertEquals(List.of("just some words without any end mark"),
                splitter.split("  just some words   without any end mark "));
        assertEquals(List.of(), splitter.split(" \n ... \n"));
        assertEquals(List.of(), splitter.split(null));

        String word = "word ";
        List<String> parts = new SentenceSplitter(40).split(word.repeat(30));
        assertTrue(parts.size() >= 4, parts.toString());
        assertTrue(parts.stream().allMatch(p -> p.length() <= 40 && !p.startsWith(" ")), parts.toString());
        assertEquals(word.repeat(30).trim(), String.join(" ", parts));
        // One token longer than the limit is cut inside it.
        assertTrue(new SentenceSplitter(40).split("x".repeat(100)).stream().allMatch(p -> p.length() <= 40));
        assertThrows(IllegalArgumentException.class, () -> new SentenceSplitter(5));
    }

    @Test
    void stemsAndZScores() {
        assertEquals("flow", Highlighter.stem("flows"));
        assertEquals("flow", Highlighter.stem("flowing"));
        assertEquals("city", Highlighter.stem("cities"));
        assertEquals("is", Highlighter.stem("is"));
        double[] z = Highlighter.zscores(new double[] {1, 2, 3});
        assertEquals(-1.2247, z[0], 1e-4);
        assertEquals(0, z[1], 1e-12);
        assertEquals(List.of(0.0, 0.0), List.of(Highlighter.zscores(new double[] {5, 5})[0],
                Highlighter.zscores(new double[] {5, 5})[1]));
    }
}
