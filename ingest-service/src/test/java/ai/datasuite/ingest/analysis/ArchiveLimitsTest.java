package ai.datasuite.ingest.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile archives, built on the fly: each must be refused fast, with the limit named. */
class ArchiveLimitsTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path tmp;

    private final ContentAnalyzer analyzer = new ContentAnalyzer(AnalysisLimits.defaults());

    private AnalysisException refused(ContentAnalyzer analyzer, Path zip) {
        AnalysisException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                AnalysisException.class, () -> analyzer.analyze(zip, zip.getFileName().toString(), new StringWriter())));
        assertEquals(AnalysisException.Kind.ARCHIVE_LIMIT, e.kind(), e.getMessage());
        return e;
    }

    @Test
    void zipBombIsStoppedByTheCompressionRatio() throws Exception {
        // 2 GiB of zeros deflate to about 2 MB; written in chunks, never held in memory.
        Path bomb = tmp.resolve("bomb.zip");
        try (OutputStream file = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("bomb.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 2048; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(bomb) < 10_000_000, "bomb is small on disk: " + Files.size(bomb));

        long start = System.nanoTime();
        AnalysisException e = refused(analyzer, bomb);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().startsWith("archive exceeds max compression ratio 100 (entry bomb.txt inflated "),
                e.getMessage());
        assertTrue(millis < 5_000, "stopped early, not after inflating 2 GiB: " + millis + " ms");
    }

    @Test
    void manySmallVeryCompressibleEntriesAreStoppedByTheOverallRatio() throws Exception {
        // Each entry stays under the 1 MiB per-entry threshold; together they inflate 1000x.
        Path zip = tmp.resolve("spread.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            byte[] zeros = new byte[512 * 1024];
            for (int i = 0; i < 20; i++) {
                out.putNextEntry(new ZipEntry("part" + i + ".bin"));
                out.write(zeros);
                out.closeEntry();
            }
        }
        AnalysisException e = refused(analyzer, zip);
        assertTrue(e.getMessage().startsWith("archive exceeds max compression ratio 100 (whole archive inflated "),
                e.getMessage());
    }

    @Test
    void tooManyEntries() throws Exception {
        Path zip = tmp.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 10_001; i++) {
                out.putNextEntry(new ZipEntry("f" + i + ".txt"));
                out.write('x');
                out.closeEntry();
            }
        }
        AnalysisException e = refused(analyzer, zip);
        assertTrue(e.getMessage().startsWith("archive exceeds max entries 10000"), e.getMessage());
    }

    @Test
    void entriesAreCountedWhileStreamingWhenTheDirectoryLies() throws Exception {
        Path zip = tmp.resolve("liar.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 501; i++) {
                out.putNextEntry(new ZipEntry("f" + i + ".txt"));
                out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        // Patch the End Of Central Directory record to claim a single entry.
        byte[] bytes = Files.readAllBytes(zip);
        int eocd = bytes.length - 22;
        assertEquals(0x06054b50, java.nio.ByteBuffer.wrap(bytes, eocd, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
        bytes[eocd + 8] = 1;
        bytes[eocd + 9] = 0;
        bytes[eocd + 10] = 1;
        bytes[eocd + 11] = 0;
        Files.write(zip, bytes);
        assertEquals(1, ArchiveInspector.declaredEntryCount(zip));

        // A smaller limit keeps the test quick: every entry up to the limit is really read.
        ContentAnalyzer limited = new ContentAnalyzer(new AnalysisLimits(1_000_000, 500, GIB, 100, 3));
        AnalysisException e = refused(limited, zip);
        assertEquals("archive exceeds max entries 500 (stopped at f500.txt)", e.getMessage());
    }

    @Test
    void exactlyMaxEntriesIsAccepted() throws Exception {
        ContentAnalyzer five = new ContentAnalyzer(new AnalysisLimits(1000, 5, GIB, 100, 3));
        Path zip = tmp.resolve("five.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 5; i++) {
                out.putNextEntry(new ZipEntry("f" + i + ".txt"));
                out.write(("file " + i).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Analysis a = five.analyze(zip, "five.zip", new StringWriter());
        assertEquals(5, a.details().get("file_count"));
    }

    @Test
    void nestingDeeperThanTheLimit() throws Exception {
        Path zip = tmp.resolve("deep.zip");
        Files.write(zip, TestArchives.nested(4)); // the innermost text sits in the 4th nested zip
        AnalysisException e = refused(analyzer, zip);
        assertTrue(e.getMessage().startsWith("archive exceeds max nesting depth 3"), e.getMessage());
        assertTrue(e.getMessage().contains("level4.zip is nested 4 levels deep"), e.getMessage());
    }

    @Test
    void nestingAtTheLimitIsReadToTheBottom() throws Exception {
        Path zip = tmp.resolve("deep.zip");
        Files.write(zip, TestArchives.nested(3));
        StringWriter text = new StringWriter();
        Analysis a = analyzer.analyze(zip, "deep.zip", text);
        assertEquals(3, a.details().get("nested_archive_count"));
        assertTrue(text.toString().contains("=== level1.zip/level2.zip/level3.zip/bottom.txt ===\nthe bottom"),
                text.toString());
    }

    @Test
    void totalUncompressedSizeIsCountedFromInflatedBytes() throws Exception {
        ContentAnalyzer oneMiB = new ContentAnalyzer(new AnalysisLimits(1000, 10_000, 1 << 20, 100, 3));
        Path zip = tmp.resolve("big.zip");
        byte[] noise = new byte[3 << 19]; // 1.5 MiB of random bytes: ratio ~1, only the size limit applies
        new Random(7).nextBytes(noise);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("noise.bin"));
            out.write(noise);
            out.closeEntry();
        }
        AnalysisException e = refused(oneMiB, zip);
        assertEquals("archive exceeds max total uncompressed size 1048576 bytes (reached in entry noise.bin)",
                e.getMessage());
    }

    @Test
    void nestedArchivesCountTowardsTheSameEntryLimit() throws Exception {
        // 3 entries at the top (one a zip holding 3 more): 6 > 5 although each level alone has 3.
        ContentAnalyzer five = new ContentAnalyzer(new AnalysisLimits(1000, 5, GIB, 100, 3));
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(inner)) {
            for (int i = 0; i < 3; i++) {
                out.putNextEntry(new ZipEntry("in" + i + ".txt"));
                out.write('y');
            }
        }
        Path zip = tmp.resolve("outer.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("inner.zip"));
            out.write(inner.toByteArray());
            for (int i = 0; i < 2; i++) {
                out.putNextEntry(new ZipEntry("out" + i + ".txt"));
                out.write('x');
            }
        }
        AnalysisException e = refused(five, zip);
        assertTrue(e.getMessage().startsWith("archive exceeds max entries 5"), e.getMessage());
    }
}
