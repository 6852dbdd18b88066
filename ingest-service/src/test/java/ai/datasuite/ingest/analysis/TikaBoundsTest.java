package ai.datasuite.ingest.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.datasuite.problem.ProblemException;

/**
 * Issue 12, findings 3 and 8: in-process Tika is bounded in memory (zip-based documents meet the archive limits and
 * a part-size limit before Tika opens them), time (a parse that runs too long leaves the file with the text found so
 * far) and concurrency (a bounded wait for a parse slot, then 503), and its failures answer without exception text.
 */
class TikaBoundsTest {

    @TempDir
    Path tmp;

    @Test
    void xlsxWithHugeSharedStringsUnderTheRatioLimitIsRefusedBeforeTikaHoldsThem() throws Exception {
        // 400,000 strings: about 20 MB of sharedStrings.xml in a 3 MB file, inflating 7x (the ratio limit is 100).
        Path xlsx = TestBombs.xlsxSharedStrings(tmp.resolve("bomb.xlsx"), 400_000);
        AnalysisLimits limits = AnalysisLimits.defaults()
                .with(new AnalysisLimits.Parsing(2, Duration.ofSeconds(10), Duration.ofSeconds(60), 8L << 20));
        ContentAnalyzer analyzer = new ContentAnalyzer(limits);

        AnalysisException e = assertThrows(AnalysisException.class,
                () -> analyzer.analyze(xlsx, "bomb.xlsx", new StringWriter()));

        assertEquals(AnalysisException.Kind.ARCHIVE_LIMIT, e.kind());
        assertTrue(e.getMessage().contains("xl/sharedStrings.xml"), e.getMessage());
        assertTrue(e.getMessage().contains("ingest.tika.max-part-size"), e.getMessage());
        assertEquals(2, analyzer.parseGate().freeSlots(), "refused before any parse slot was taken");
    }

    @Test
    void officeDocumentsMeetTheArchiveRatioLimit() throws Exception {
        Path docx = tmp.resolve("ratio.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(docx))) {
            Files.copy(SampleFiles.file("testWORD.docx"), tmp.resolve("copy.docx"));
            try (var sample = new java.util.zip.ZipFile(tmp.resolve("copy.docx").toFile())) {
                for (var entries = sample.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    sample.getInputStream(entry).transferTo(zip);
                    zip.closeEntry();
                }
            }
            // 1 KiB of noise then 39 KiB of zeros, 200 times: inflates about 35x, under POI's own 100x check.
            zip.putNextEntry(new ZipEntry("word/filler.xml"));
            java.util.Random random = new java.util.Random(1);
            for (int i = 0; i < 200; i++) {
                byte[] noise = new byte[1024];
                random.nextBytes(noise);
                zip.write(noise);
                zip.write(new byte[39 * 1024]);
            }
            zip.closeEntry();
        }
        ContentAnalyzer analyzer = new ContentAnalyzer(new AnalysisLimits(20_000_000L, 10_000, 1L << 30, 20, 3));

        AnalysisException e = assertThrows(AnalysisException.class,
                () -> analyzer.analyze(docx, "ratio.docx", new StringWriter()));

        assertEquals(AnalysisException.Kind.ARCHIVE_LIMIT, e.kind());
        assertTrue(e.getMessage().contains("ingest.archive.max-compression-ratio"), e.getMessage());
    }

    @Test
    void slowPdfIsStoredWithTheTextFoundInTimeAndItsSlotComesBack() throws Exception {
        Path pdf = TestBombs.slowPdf(tmp.resolve("slow.pdf"), 1500);
        AnalysisLimits limits = AnalysisLimits.defaults()
                .with(new AnalysisLimits.Parsing(1, Duration.ofSeconds(10), Duration.ofMillis(300), 100L << 20));
        ContentAnalyzer analyzer = new ContentAnalyzer(limits);
        StringWriter text = new StringWriter();

        long started = System.nanoTime();
        Analysis a = analyzer.analyze(pdf, "slow.pdf", text);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(ms < 20_000, "answered after " + ms + " ms");
        assertEquals("application/pdf", a.mediaType());
        assertTrue(a.textTruncated());
        assertTrue(a.notes().stream().anyMatch(n -> n.contains("ingest.tika.parse-timeout")), a.notes().toString());
        assertFalse(a.details().containsKey("page_count"), "no counts from a parse that did not finish");
        int kept = text.toString().length();
        // Cut off from its output, the parse stops at its next text and gives its slot back.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (analyzer.parseGate().freeSlots() < 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(1, analyzer.parseGate().freeSlots(), "the timed-out parse still holds its slot");
        assertEquals(kept, text.toString().length(), "nothing was written after the time was up");
    }

    @Test
    void parsesBeyondTheSlotsWaitBoundedlyThenGet503() throws Exception {
        ParseGate gate = new ParseGate(new AnalysisLimits.Parsing(1, Duration.ofMillis(200), Duration.ofMinutes(1),
                1L << 20));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                gate.run(() -> {
                    running.countDown();
                    release.await(30, TimeUnit.SECONDS);
                }, TimeUnit.SECONDS.toNanos(30));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        assertTrue(running.await(30, TimeUnit.SECONDS));
        try {
            long started = System.nanoTime();
            ProblemException busy = assertThrows(ProblemException.class,
                    () -> gate.run(() -> { }, TimeUnit.SECONDS.toNanos(1)));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertEquals(503, busy.status());
            assertEquals("analysis-busy", busy.slug());
            assertEquals("5", busy.headers().get("Retry-After"));
            assertTrue(busy.detail().contains("ingest.tika.max-concurrent-parses"), busy.detail());
            assertTrue(busy.detail().contains("ingest.tika.max-wait"), busy.detail());
            assertTrue(waited >= 150 && waited < 10_000, "waited " + waited + " ms");
        } finally {
            release.countDown();
            holder.join(30_000);
        }
        assertEquals(ParseGate.Outcome.DONE, gate.run(() -> { }, TimeUnit.SECONDS.toNanos(10)), "free again");
    }

    @Test
    void damagedDocumentsAnswerInTheUploadersTerms() throws Exception {
        Path docx = tmp.resolve("damaged.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(docx))) {
            Files.copy(SampleFiles.file("testWORD.docx"), tmp.resolve("good.docx"));
            try (var sample = new java.util.zip.ZipFile(tmp.resolve("good.docx").toFile())) {
                for (var entries = sample.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    if (entry.getName().equals("word/document.xml")) {
                        zip.write("<w:document xmlns:w=\"urn:x\"><w:body><<<&bogus;".getBytes(StandardCharsets.UTF_8));
                    } else {
                        sample.getInputStream(entry).transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
        }
        Path pdf = tmp.resolve("damaged.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            out.write("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 9 0 R >>\n%%EOF"
                    .getBytes(StandardCharsets.US_ASCII));
        }
        ContentAnalyzer analyzer = new ContentAnalyzer(AnalysisLimits.defaults());
        for (Path file : new Path[] {docx, pdf}) {
            String name = file.getFileName().toString();
            try {
                Analysis a = analyzer.analyze(file, name, new StringWriter());
                a.notes().forEach(TikaBoundsTest::assertUsersTerms);
            } catch (AnalysisException e) {
                assertEquals(AnalysisException.Kind.MALFORMED, e.kind());
                assertUsersTerms(e.getMessage());
                assertTrue(e.getMessage().contains("could not be read"), e.getMessage());
            }
        }
    }

    private static void assertUsersTerms(String message) {
        for (String leak : new String[] {"Exception", "org.", "java.", "/tmp", "\\", "@", "TIKA-"}) {
            assertFalse(message.contains(leak), "'" + leak + "' in: " + message);
        }
    }
}
