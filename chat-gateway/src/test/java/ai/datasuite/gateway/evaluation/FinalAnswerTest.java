package ai.datasuite.gateway.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The final answer is the text after the last FINAL ANSWER:, in any case, trimmed. */
class FinalAnswerTest {

    @Test
    void takesTheTextAfterTheLastMarkerInAnyCase() {
        assertEquals("42", FinalAnswer.extract("Thinking... FINAL ANSWER: 42"));
        assertEquals("Paris", FinalAnswer.extract("final answer: London\nno wait.\nFinal Answer:   Paris \n"));
        assertEquals("a, b", FinalAnswer.extract("FINAL ANSWER:a, b"));
        assertEquals("", FinalAnswer.extract("FINAL ANSWER:   "));
    }

    @Test
    void noMarkerIsNull() {
        assertNull(FinalAnswer.extract("The answer is 42."));
        assertNull(FinalAnswer.extract("FINAL ANSWER 42"));
        assertNull(FinalAnswer.extract(""));
        assertNull(FinalAnswer.extract(null));
    }
}
