package ai.datasuite.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * SQuAD v1.1 dev as a user would upload it: one text file per article (its title), the paragraphs in order separated
 * by a blank line; and every question with its gold answers (the {@code answer} column and all of
 * {@code all_answers}).
 */
final class SquadArticles {

    record Question(String article, String question, String answer, List<String> allAnswers) {

        /** True when {@code text} holds one of the gold answers (case-insensitive). */
        boolean anyAnswerIn(String text) {
            String t = text.toLowerCase(Locale.ROOT);
            for (String a : allAnswers) {
                if (!a.isBlank() && t.contains(a.toLowerCase(Locale.ROOT).strip())) {
                    return true;
                }
            }
            return false;
        }

        /** True when {@code text} holds the {@code answer} column's answer (case-insensitive). */
        boolean firstAnswerIn(String text) {
            return text.toLowerCase(Locale.ROOT).contains(answer.toLowerCase(Locale.ROOT).strip());
        }
    }

    /** Article title → its text, in file order. */
    final Map<String, String> articles = new LinkedHashMap<>();
    final List<Question> questions = new ArrayList<>();

    static SquadArticles read() {
        SquadArticles squad = new SquadArticles();
        Map<String, TreeMap<Integer, String>> paragraphs = new LinkedHashMap<>();
        for (int part = 1; part <= 3; part++) {
            try (Reader in = Files.newBufferedReader(Retrieval.squadFile(part), StandardCharsets.UTF_8)) {
                for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    String title = r.get("title");
                    paragraphs.computeIfAbsent(title, t -> new TreeMap<>())
                            .putIfAbsent(Integer.parseInt(r.get("paragraph_index")), r.get("context"));
                    List<String> all = GatewayUser.JSON.readValue(r.get("all_answers"), new TypeReference<>() { });
                    squad.questions.add(new Question(title, r.get("question"), r.get("answer"), all));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        paragraphs.forEach((title, byIndex) -> squad.articles.put(title, String.join("\n\n", byIndex.values())));
        return squad;
    }
}
