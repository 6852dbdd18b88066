package ai.datasuite.gateway.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import ai.datasuite.gateway.client.RetrievalSearchResult;
import ai.datasuite.gateway.client.RetrievalSearchResult.Highlight;
import ai.datasuite.gateway.client.RetrievalSearchResult.Hit;

/**
 * The answer without an LLM: retrieval's best sentences (its highlights, best first) joined, at most {@code sentences}
 * of them. A retrieval that returned no highlights gets the sentences of the found chunks that share the most words
 * with the question.
 */
final class Extractive {

    static final String NOTHING_FOUND = "I found nothing about this in your documents or the notices.";
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n\\s*\\n");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Extractive() {
    }

    static String answer(RetrievalSearchResult found, String question, int sentences) {
        if (found.results().isEmpty()) {
            return NOTHING_FOUND;
        }
        List<String> best = found.highlights().stream().map(Highlight::text).filter(t -> t != null && !t.isBlank())
                .map(String::strip).distinct().limit(sentences).toList();
        if (best.isEmpty()) {
            best = bestSentences(found.results(), question, sentences);
        }
        return String.join(" ", best);
    }

    /** The sentences of the hits with the most question words, in the order they rank (ties: the better hit). */
    static List<String> bestSentences(List<Hit> hits, String question, int sentences) {
        Set<String> asked = words(question);
        record Candidate(String text, int overlap, int order) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Hit hit : hits) {
            for (String sentence : SENTENCE_END.split(hit.text() == null ? "" : hit.text())) {
                String s = sentence.strip();
                if (!s.isEmpty()) {
                    Set<String> shared = words(s);
                    shared.retainAll(asked);
                    candidates.add(new Candidate(s, shared.size(), candidates.size()));
                }
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt(Candidate::overlap).reversed().thenComparingInt(Candidate::order))
                .limit(sentences).map(Candidate::text).distinct().toList();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(m -> m.group())
                .filter(w -> w.length() > 2).forEach(words::add);
        return words;
    }

    /** The answer cut into word pieces (each with its following space) to stream as tokens. */
    static List<String> tokens(String answer) {
        List<String> tokens = new ArrayList<>();
        for (String piece : answer.split("(?<=\\s)")) {
            if (!piece.isEmpty()) {
                tokens.add(piece);
            }
        }
        return tokens;
    }
}
