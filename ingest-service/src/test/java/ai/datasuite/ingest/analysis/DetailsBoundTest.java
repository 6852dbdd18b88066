package ai.datasuite.ingest.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 12, finding 2: whatever a file holds, its {@code details} stay small (each string, list and map, and all of
 * them together), and a PDB summary keeps a bounded amount while it reads, with {@code truncated: true} when it cut.
 */
class DetailsBoundTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PDB_BYTES = 24L << 20;

    @TempDir
    Path tmp;

    @Test
    void largePdbKeepsItsDetailsUnderTheCapAndSaysSo() throws Exception {
        Path file = TestBombs.pdb(tmp.resolve("huge.pdb"), PDB_BYTES);
        AnalysisLimits limits = AnalysisLimits.defaults();
        Analysis a = new ContentAnalyzer(limits).analyze(file, "huge.pdb", text());

        assertEquals("chemical/x-pdb", a.mediaType());
        String title = (String) a.details().get("title");
        assertTrue(title.startsWith("A TITLE LINE THAT NEVER ENDS"), title);
        assertTrue(title.length() <= limits.details().maxValueChars(), "title kept " + title.length() + " chars");
        assertEquals(true, a.details().get("truncated"));
        assertEquals(limits.details().maxPdbResidues(), a.details().get("residue_count"), "a lower bound past the cap");
        assertTrue(((Number) a.details().get("atom_record_count")).longValue() > 250_000, "every ATOM still counted");
        int stored = JSON.writeValueAsString(a.details()).length() + JSON.writeValueAsString(a.notes()).length();
        assertTrue(stored <= limits.details().maxTotalChars(), "details of " + stored + " chars");
    }

    @Test
    void pdbSummaryHoldsBoundedStateWhileItReads() {
        AnalysisLimits.Details limits = new AnalysisLimits.Details(1000, 1000, 131_072, 10_000);
        long before = usedHeapAfterGc();
        PdbRecords.Summary summary = new PdbRecords.Summary(limits);
        long[] maxRetained = {0};
        long[] lines = {0};
        TestBombs.pdbLines(PDB_BYTES, line -> {
            summary.accept(line);
            if (++lines[0] % 10_000 == 0) {
                maxRetained[0] = Math.max(maxRetained[0], summary.retained());
            }
        });
        long held = usedHeapAfterGc() - before;
        Map<String, Object> facts = summary.facts();

        long bound = 2L * (limits.maxValueChars() + 80) + limits.maxItems() + limits.maxPdbResidues();
        assertTrue(maxRetained[0] <= bound, "kept " + maxRetained[0] + " chars and items while reading");
        // Without the caps the distinct residues alone (over 500,000 of them) hold well over 40 MB.
        assertTrue(held < 16L << 20, "the summary held " + (held >> 20) + " MB of heap");
        assertEquals(true, facts.get("truncated"));
        assertEquals(10_000, facts.get("residue_count"));
    }

    @Test
    void everyStringListMapAndTheWholeAreBounded() {
        AnalysisLimits.Details limits = new AnalysisLimits.Details(100, 50, 20_000, 10);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("title", "t".repeat(10_000));
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            rows.add(Map.of("name", "entry-" + "x".repeat(90) + i, "size", i));
        }
        details.put("entries", rows);
        Map<String, Object> wide = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            wide.put("k" + i, i);
        }
        details.put("wide", wide);
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            notes.add("note " + "n".repeat(500));
        }

        DetailsBound.Bounded bounded = DetailsBound.apply(details, notes, limits);

        assertEquals(100, ((String) bounded.details().get("title")).length());
        assertTrue(((List<?>) bounded.details().get("entries")).size() <= 50);
        assertEquals(true, bounded.details().get("truncated"));
        assertTrue(bounded.notes().size() <= 51);
        assertTrue(bounded.notes().get(bounded.notes().size() - 1).contains("ingest.details.max-total-chars"));
        int stored = json(bounded.details()).length() + json(bounded.notes()).length();
        assertTrue(stored <= limits.maxTotalChars() + 300, "stored " + stored + " chars");
    }

    @Test
    void smallDetailsPassUnchanged() {
        Map<String, Object> details = new LinkedHashMap<>(Map.of("width", 10, "exif", Map.of("iso", "100")));
        DetailsBound.Bounded bounded = DetailsBound.apply(details, List.of("a note"), AnalysisLimits.Details.defaults());
        assertEquals(details, bounded.details());
        assertEquals(List.of("a note"), bounded.notes());
        assertFalse(bounded.details().containsKey("truncated"));
    }

    @Test
    void archiveListingOfLongNamesIsBounded() throws Exception {
        Path zip = tmp.resolve("names.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 1000; i++) {
                out.putNextEntry(new ZipEntry(String.format("%04d-", i) + "n".repeat(900) + ".bin"));
                out.write(new byte[] {1, 2, 3});
                out.closeEntry();
            }
        }
        AnalysisLimits limits = AnalysisLimits.defaults();
        Analysis a = new ContentAnalyzer(limits).analyze(zip, "names.zip", text());
        int stored = json(a.details()).length() + json(a.notes()).length();
        // Without the central bound the listing alone is about 950,000 characters.
        assertTrue(stored <= limits.details().maxTotalChars() + 300, "details of " + stored + " chars");
        assertEquals(true, a.details().get("truncated"));
        assertEquals(1000, a.details().get("file_count"), "the counts still cover every entry");
    }

    private static StringWriter text() {
        return new StringWriter();
    }

    private static String json(Object value) {
        try {
            return new String(JSON.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
