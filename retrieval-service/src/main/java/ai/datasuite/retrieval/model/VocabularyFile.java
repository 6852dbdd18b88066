package ai.datasuite.retrieval.model;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sparse model's vocabulary on disk: {@code # key=value} header lines, then one {@code term<TAB>weight} line per
 * index. Terms are runs of word characters joined by single spaces, so they hold no tab or newline and never start
 * with {@code #}; weights are written with {@link Double#toString} so they read back bit for bit.
 */
record VocabularyFile(Map<String, String> header, String[] terms, double[] weights) {

    static final String NAME = "vocabulary.tsv";

    void write(Path dir) {
        Path file = dir.resolve(NAME);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : header.entrySet()) {
                out.write("# " + e.getKey() + "=" + e.getValue() + "\n");
            }
            for (int i = 0; i < terms.length; i++) {
                out.write(terms[i]);
                out.write('\t');
                out.write(Double.toString(weights[i]));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    static VocabularyFile read(Path dir) {
        Path file = dir.resolve(NAME);
        Map<String, String> header = new LinkedHashMap<>();
        List<String> terms = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("# ")) {
                    int eq = line.indexOf('=');
                    header.put(line.substring(2, eq), line.substring(eq + 1));
                    continue;
                }
                int tab = line.lastIndexOf('\t');
                terms.add(line.substring(0, tab));
                weights.add(Double.parseDouble(line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        double[] w = new double[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i);
        }
        return new VocabularyFile(header, terms.toArray(String[]::new), w);
    }
}
