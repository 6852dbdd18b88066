package ai.datasuite.retrieval.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.datasuite.retrieval.config.DatasetsConfig;

class DatasetEdaTest {

    /** The defaults of retrieval.datasets.eda.*, with a given cap on the projected contexts. */
    static DatasetsConfig.Eda config(int maxContexts) {
        return new DatasetsConfig.Eda() {
            public int bins() {
                return 20;
            }

            public int topWords() {
                return 100;
            }

            public int maxContexts() {
                return maxContexts;
            }

            public int maxTerms() {
                return 1000;
            }

            public long seed() {
                return 42;
            }

            public double perplexity() {
                return 30;
            }

            public int iterations() {
                return 1000;
            }

            public double theta() {
                return 0.5;
            }
        };
    }

    static QaDataset squad(int... parts) throws IOException {
        List<QaRow> rows = new ArrayList<>();
        List<String> contexts = new ArrayList<>();
        for (int part : parts) {
            byte[] bytes = Files.readAllBytes(QaCsvParserTest.SQUAD.resolve("squad_v1.1_dev_qa_part" + part + ".csv"));
            QaCsvParser.Parsed parsed = QaCsvParser.parse(bytes, new QaCsvParser.Options(true, 20));
            int offset = contexts.size();
            parsed.rows().forEach(r -> rows.add(new QaRow(rows.size() + 1, r.context(), r.question(), r.answer(),
                    r.contextIndex() + offset)));
            contexts.addAll(parsed.contexts());
        }
        return new QaDataset("squad", "squad", rows, contexts);
    }

    @Test
    void percentilesInterpolateAsNumpyDoes() {
        // numpy.percentile([1, 2, 3, 4, 10], [50, 95]) == [3.0, 8.8]; numpy.median([1, 2, 3, 4]) == 2.5
        assertEquals(3.0, DatasetEda.percentile(new int[] {1, 2, 3, 4, 10}, 0.5), 1e-12);
        assertEquals(8.8, DatasetEda.percentile(new int[] {1, 2, 3, 4, 10}, 0.95), 1e-12);
        assertEquals(2.5, DatasetEda.percentile(new int[] {1, 2, 3, 4}, 0.5), 1e-12);
        assertEquals(7.0, DatasetEda.percentile(new int[] {7}, 0.95), 1e-12);
    }

    @Test
    void binsAreEqualWidthAndHoldEveryValueOnce() {
        int[] hundred = new int[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i;
        }
        List<EdaView.Bin> bins = DatasetEda.bins(hundred, 20);
        assertEquals(20, bins.size());
        assertEquals(new EdaView.Bin(0, 4, 5), bins.get(0));
        assertEquals(new EdaView.Bin(95, 99, 5), bins.get(19));

        assertEquals(List.of(new EdaView.Bin(7, 7, 3)), DatasetEda.bins(new int[] {7, 7, 7}, 20));
        List<EdaView.Bin> uneven = DatasetEda.bins(new int[] {1, 2, 2, 50}, 20);
        assertEquals(4, uneven.stream().mapToInt(EdaView.Bin::count).sum());
        assertEquals(1, uneven.get(0).from());
        assertEquals(50, uneven.get(uneven.size() - 1).to());
        assertEquals(3, uneven.get(0).count(), "1 and 2 share the first bin of width 3");
    }

    @Test
    void lengthsStopWordsAndTopWordsOfACraftedDataset() {
        List<QaRow> rows = List.of(
                new QaRow(1, "The cat sat on the mat.", "Where did the cat sit?", "on the mat", 0),
                new QaRow(2, "The cat sat on the mat.", "What sat?", "the cat", 0),
                new QaRow(3, "Dogs bark at 3 cats in 2024", "What do dogs do?", "bark", 1));
        QaDataset dataset = new QaDataset("d", "d", rows,
                List.of("The cat sat on the mat.", "Dogs bark at 3 cats in 2024"));
        EdaView eda = new DatasetEda(config(1000)).compute(dataset);

        EdaView.FieldLengths context = eda.lengths().get("context");
        assertEquals(2, context.texts(), "contexts are counted once");
        assertEquals(new EdaView.Stats(2, 6, 7, 6.5, 6.5, 6.95), context.words().stats());
        assertEquals(23, context.characters().stats().min());
        EdaView.Stats answers = eda.lengths().get("answer").words().stats();
        assertEquals(3, answers.count());
        assertEquals(1, answers.min());
        assertEquals(3, answers.max());

        // context: the, on, the | at, in ; question: where, the | what | what, do, do ; answer: on, the | the
        EdaView.StopCount contextWords = eda.words().perField().get("context");
        assertEquals(5, contextWords.stopWords());
        assertEquals(8, contextWords.otherWords()); // cat sat mat | dogs bark 3 cats 2024
        assertEquals(6, eda.words().perField().get("question").stopWords());
        assertEquals(3, eda.words().perField().get("answer").stopWords());
        assertEquals(14, eda.words().stopWords());

        // Numbers and stop words are left out; counts over distinct contexts, questions and answers.
        assertEquals(new EdaView.WordCount("cat", 3), eda.topWords().get(0)); // "cats" is another word
        assertTrue(eda.topWords().stream().noneMatch(w -> w.word().equals("the") || w.word().equals("2024")));
        assertEquals("t-SNE needs at least 5 distinct contexts; this dataset has 2", eda.tsne().note());
        assertTrue(eda.tsne().points().isEmpty());
    }

    @Test
    void theSampleIsSeededAndSorted() {
        int[] sample = DatasetEda.sample(5000, 1000, 42);
        assertEquals(1000, sample.length);
        assertArrayEquals(sample, DatasetEda.sample(5000, 1000, 42));
        assertFalse(java.util.Arrays.equals(sample, DatasetEda.sample(5000, 1000, 7)));
        for (int i = 1; i < sample.length; i++) {
            assertTrue(sample[i - 1] < sample[i]);
        }
        assertArrayEquals(new int[] {0, 1, 2}, DatasetEda.sample(3, 1000, 42));
    }

    @Test
    void tfidfRowsAreL2NormalisedWithSmoothIdf() {
        double[][] m = DatasetEda.tfidf(List.of("apple banana", "apple apple cherry"), 1000);
        // vocabulary sorted: apple, banana, cherry; idf = ln(3/3)+1 = 1 for apple, ln(3/2)+1 for the others
        double rare = Math.log(1.5) + 1;
        double n0 = Math.sqrt(1 + rare * rare);
        assertArrayEquals(new double[] {1 / n0, rare / n0, 0}, m[0], 1e-12);
        double n1 = Math.sqrt(4 + rare * rare);
        assertArrayEquals(new double[] {2 / n1, 0, rare / n1}, m[1], 1e-12);
    }

    @Test
    void tsneOfASquadPartIsDeterministicAndSeparatesArticles() throws IOException {
        QaDataset part = squad(1);
        EdaView first = new DatasetEda(config(1000)).compute(part);
        EdaView second = new DatasetEda(config(1000)).compute(part);
        assertEquals(494, first.tsne().contextsProjected());
        assertEquals(494, first.tsne().points().size());
        assertEquals(first.tsne().points(), second.tsne().points(), "same dataset, same seed, same points");
        Set<Integer> ids = new HashSet<>();
        first.tsne().points().forEach(p -> {
            ids.add(p.contextId());
            assertTrue(Double.isFinite(p.x()) && Double.isFinite(p.y()));
        });
        assertEquals(494, ids.size());
        assertNotNull(first.topWords().get(0));
        System.out.printf("EDA of SQuAD part 1 (2880 rows, 494 contexts): %d ms%n", first.computedMs());
    }

    @Test
    void tsneOfAllSquadContextsSamplesAThousandInSeconds() throws IOException {
        QaDataset all = squad(1, 2, 3);
        assertEquals(1635, all.contexts().size());
        long start = System.nanoTime();
        EdaView eda = new DatasetEda(config(1000)).compute(all);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("EDA of SQuAD parts 1-3 (8398 rows, 1635 contexts, t-SNE of 1000): %d ms%n", ms);
        assertEquals(1635, eda.tsne().contextsTotal());
        assertEquals(1000, eda.tsne().contextsProjected());
        assertEquals(1000, eda.tsne().terms());
        assertEquals("a sample of 1000 of 1635 contexts (seed 42)", eda.tsne().note());
        assertEquals(8398, eda.lengths().get("question").texts());
        assertTrue(ms < 60_000, "EDA took " + ms + " ms");
    }
}
