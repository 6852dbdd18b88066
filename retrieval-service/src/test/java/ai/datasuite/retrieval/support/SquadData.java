package ai.datasuite.retrieval.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import ai.datasuite.retrieval.dataset.QaDataset;
import ai.datasuite.retrieval.dataset.QaRow;

/**
 * The shared SQuAD v1.1 dev data (three CSV parts beside the repository) as {@link QaDataset}s, read with
 * commons-csv: {@code squad} is all 8,398 questions, {@code squad-small} the questions of the first 60 contexts.
 */
public final class SquadData {

    public static final Path DIR = Path.of("../datasets/squad-v1.1-dev");
    public static final String FULL = "squad";
    public static final String SMALL = "squad-small";
    private static final List<String> PARTS = List.of("squad_v1.1_dev_qa_part1.csv", "squad_v1.1_dev_qa_part2.csv",
            "squad_v1.1_dev_qa_part3.csv");
    private static volatile QaDataset full;
    private static volatile List<SquadRow> all;

    /** A question with every column of the shared files. */
    public record SquadRow(String context, String question, String answer, String id, String title,
                           int paragraphIndex, List<String> allAnswers) {
    }

    private SquadData() {
    }

    public static synchronized QaDataset full() {
        if (full == null) {
            List<String[]> raw = new ArrayList<>();
            for (String part : PARTS) {
                raw.addAll(read(DIR.resolve(part)));
            }
            full = dataset(FULL, "SQuAD v1.1 dev (80%)", raw);
        }
        return full;
    }

    /** Every question of the three parts with all columns, in file order (articles in the official order). */
    public static synchronized List<SquadRow> rows() {
        if (all == null) {
            ObjectMapper json = new ObjectMapper();
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
            List<SquadRow> rows = new ArrayList<>();
            for (String part : PARTS) {
                try (Reader in = Files.newBufferedReader(DIR.resolve(part), StandardCharsets.UTF_8)) {
                    for (CSVRecord r : format.parse(in)) {
                        rows.add(new SquadRow(r.get("context"), r.get("question"), r.get("answer"), r.get("id"),
                                r.get("title"), Integer.parseInt(r.get("paragraph_index")),
                                List.of(json.readValue(r.get("all_answers"), String[].class))));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read " + part, e);
                }
            }
            all = List.copyOf(rows);
        }
        return all;
    }

    /** The rows of the first {@code contexts} distinct contexts. */
    public static QaDataset first(String id, int contexts) {
        List<String[]> raw = new ArrayList<>();
        for (QaRow row : full().rows()) {
            if (row.contextIndex() < contexts) {
                raw.add(new String[] {row.context(), row.question(), row.answer()});
            }
        }
        return dataset(id, "SQuAD, first " + contexts + " contexts", raw);
    }

    /** Builds a dataset like the catalog does: contexts indexed once, first occurrence first. */
    public static QaDataset dataset(String id, String name, List<String[]> raw) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<QaRow> rows = new ArrayList<>();
        for (String[] r : raw) {
            int contextIndex = index.computeIfAbsent(r[0], c -> index.size());
            rows.add(new QaRow(rows.size() + 1, r[0], r[1], r[2], contextIndex));
        }
        return new QaDataset(id, name, List.copyOf(rows), List.copyOf(index.keySet()));
    }

    private static List<String[]> read(Path file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord record : format.parse(in)) {
                rows.add(new String[] {record.get("context"), record.get("question"), record.get("answer")});
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }
}
