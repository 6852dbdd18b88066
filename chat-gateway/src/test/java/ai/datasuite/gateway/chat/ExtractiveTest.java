package ai.datasuite.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.datasuite.gateway.client.RetrievalSearchResult;
import ai.datasuite.gateway.client.RetrievalSearchResult.Highlight;
import ai.datasuite.gateway.client.RetrievalSearchResult.Hit;

class ExtractiveTest {

    private static final Hit HIT = new Hit("alice", "f-1", 0, "Cats sleep a lot. The library opens at nine."
            + " Dogs bark. The library closes at six.", 0.9, 0.9, 0.9);

    @Test
    void joinsTheBestHighlightsAtMostTwo() {
        RetrievalSearchResult found = new RetrievalSearchResult("alice", "q", List.of(HIT), List.of(
                new Highlight("The library opens at nine.", "f-1", "alice", 0, 0, 0.9),
                new Highlight("The library closes at six.", "f-1", "alice", 0, 0, 0.8),
                new Highlight("Dogs bark.", "f-1", "alice", 0, 0, 0.1)));

        assertEquals("The library opens at nine. The library closes at six.",
                Extractive.answer(found, "When does the library open?", 2));
    }

    @Test
    void withoutHighlightsTheSentencesSharingMostWordsWin() {
        RetrievalSearchResult found = new RetrievalSearchResult("alice", "q", List.of(HIT), List.of());

        assertEquals("The library opens at nine. The library closes at six.",
                Extractive.answer(found, "When does the library open at nine?", 2));
    }

    @Test
    void nothingFoundSaysSo() {
        assertEquals(Extractive.NOTHING_FOUND,
                Extractive.answer(new RetrievalSearchResult("alice", "q", List.of(), List.of()), "q", 2));
    }

    @Test
    void tokensRejoinToTheAnswer() {
        List<String> tokens = Extractive.tokens("One two.  Three");
        assertEquals(List.of("One ", "two. ", " ", "Three"), tokens);
        assertEquals("One two.  Three", String.join("", tokens));
    }
}
