package ai.datasuite.retrieval.projection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.datasuite.retrieval.text.EnglishStopWords;
import ai.datasuite.retrieval.text.TextAnalyzer;

/**
 * The most frequent words of some texts: scikit-learn's analyzer (lower-cased, words of two or more characters),
 * English stop words and numbers left out; ordered by count, then by word (code points), so ties are stable.
 */
public final class WordCounts {

    /** A word and how often it occurs. */
    public record WordCount(String word, int count) {
    }

    private static final TextAnalyzer ANALYZER = new TextAnalyzer(true, EnglishStopWords.WORDS, 1, 1);

    private WordCounts() {
    }

    /** At most {@code max} words occurring at least {@code minCount} times, most frequent first. */
    public static List<WordCount> top(Iterable<String> texts, int max, int minCount) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String word : ANALYZER.analyze(text)) {
                if (!isNumber(word)) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        List<WordCount> words = new ArrayList<>();
        counts.forEach((word, count) -> {
            if (count >= minCount) {
                words.add(new WordCount(word, count));
            }
        });
        words.sort(Comparator.comparingInt(WordCount::count).reversed()
                .thenComparing(WordCount::word, TextAnalyzer.CODE_POINT_ORDER));
        return words.size() > max ? List.copyOf(words.subList(0, max)) : words;
    }

    /** Digits (and separators) only, e.g. 2024 or 10_000: counts, not words to map. */
    private static boolean isNumber(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }
}
