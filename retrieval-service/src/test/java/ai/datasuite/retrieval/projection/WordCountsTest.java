package ai.datasuite.retrieval.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import ai.datasuite.retrieval.projection.WordCounts.WordCount;

class WordCountsTest {

    @Test
    void countsWordsWithoutStopWordsOrNumbersMostFrequentFirstTiesByWord() {
        List<WordCount> words = WordCounts.top(List.of(
                "The Leather bag and the leather belt, 2024 edition",
                "A canvas bag with a leather strap",
                "Bag of 100 beans"), 10, 2);
        assertEquals(List.of(new WordCount("bag", 3), new WordCount("leather", 3)), words);
        assertEquals(List.of(new WordCount("bag", 3)), WordCounts.top(List.of("bag bag bag leather"), 1, 1));
        assertEquals(5, WordCounts.top(List.of("bag leather belt canvas strap beans"), 5, 1).size());
    }

    @Test
    void projectorZipKeepsOneRowPerPointAndFlattensCells() throws IOException {
        byte[] zip = ProjectorExport.zip(List.of(new float[] {0.5f, -1f}, new float[] {2f, 0f}),
                List.of("id", "label", "title"),
                List.of(List.of("1", "bags", "Tab\there"), Arrays.asList("2", null, "Two\nlines")));
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals("0.5\t-1.0\n2.0\t0.0\n", files.get("vectors.tsv"));
        assertEquals("id\tlabel\ttitle\n1\tbags\tTab here\n2\t\tTwo lines\n", files.get("metadata.tsv"));
    }
}
