package ai.datasuite.ingest.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Type decisions that the samples alone do not exercise: mismatches, limits, rejects. */
class ContentAnalyzerTest {

    private static ContentAnalyzer analyzer;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        analyzer = new ContentAnalyzer(AnalysisLimits.defaults());
    }

    private Path copySample(String sample, String as) throws IOException {
        return Files.copy(SampleFiles.file(sample), tmp.resolve(as));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void pngBytesNamedTxtArePngAndFlagged() throws Exception {
        Path file = copySample("testPNG.png", "x.txt");
        Analysis a = analyzer.analyze(file, "x.txt", new StringWriter());
        assertEquals("image/png", a.mediaType());
        assertEquals("text/plain", a.nameMediaType());
        assertEquals("txt", a.extension());
        assertTrue(a.extensionMismatch());
        assertEquals(100, a.details().get("width"));
        assertTrue(a.notes().stream().anyMatch(n -> n.contains("suggests text/plain") && n.contains("image/png")),
                a.notes().toString());
    }

    @Test
    void fileWithoutExtensionIsNoMismatch() throws Exception {
        Path file = copySample("testPNG.png", "picture");
        Analysis a = analyzer.analyze(file, "picture", new StringWriter());
        assertEquals("image/png", a.mediaType());
        assertNull(a.extension());
        assertNull(a.nameMediaType());
        assertFalse(a.extensionMismatch());
        assertTrue(a.notes().isEmpty());
    }

    @Test
    void parquetIsStoredAsDataWithALineOfFacts() throws Exception {
        // A catalog as the product import writes it (DuckDB's COPY ... (FORMAT parquet), two rows).
        Path file = tmp.resolve("retail-v1.parquet");
        try (var in = ContentAnalyzerTest.class.getResourceAsStream("/samples/products.parquet")) {
            Files.copy(in, file);
        }
        StringWriter text = new StringWriter();
        Analysis a = analyzer.analyze(file, "retail-v1.parquet", text);
        assertEquals("application/x-parquet", a.mediaType());
        assertFalse(a.extensionMismatch());
        assertEquals("parquet", a.details().get("format"));
        assertTrue(text.toString().contains("retail-v1.parquet"), text.toString());
        assertFalse(text.toString().contains("Daypack"), "the columns are not read as text: " + text);
    }

    @Test
    void plainZipNamedDocxIsZipAndFlagged() throws Exception {
        Path file = copySample("test-zip-of-zip.zip", "report.docx");
        Analysis a = analyzer.analyze(file, "report.docx", new StringWriter());
        assertEquals("application/zip", a.mediaType());
        assertTrue(a.extensionMismatch());
    }

    @Test
    void docxNamedZipIsDocxWithoutMismatch() throws Exception {
        Path file = copySample("testWORD.docx", "bundle.zip");
        Analysis a = analyzer.analyze(file, "bundle.zip", new StringWriter());
        assertEquals(SupportedTypes.DOCX.toString(), a.mediaType());
        assertFalse(a.extensionMismatch(), "a docx is a kind of zip");
    }

    @Test
    void nameRefinesPlainTextOnly() throws Exception {
        Path py = write("script.py", "import os\nprint(os.getcwd())\n");
        assertEquals("text/x-python", analyzer.analyze(py, "script.py", new StringWriter()).mediaType());
        Path csv = write("data.csv", "a,b\n1,2\n");
        assertEquals("text/csv", analyzer.analyze(csv, "data.csv", new StringWriter()).mediaType());
        // The same CSV bytes under a .txt name stay plain text: names never invent a type.
        Path txt = write("data.txt", "a,b\n1,2\n");
        Analysis a = analyzer.analyze(txt, "data.txt", new StringWriter());
        assertEquals("text/plain", a.mediaType());
        assertFalse(a.extensionMismatch());
    }

    @Test
    void javaSourceIsAcceptedAsPlainText() throws Exception {
        Path java = write("Hello.java", "public class Hello { }\n");
        Analysis a = analyzer.analyze(java, "Hello.java", new StringWriter());
        assertEquals("text/plain", a.mediaType());
        assertFalse(a.extensionMismatch());
    }

    @Test
    void pdbIsRecognisedByContentNotName() throws Exception {
        Path pdbAsTxt = copySample("1A8O.pdb", "structure.txt");
        Analysis a = analyzer.analyze(pdbAsTxt, "structure.txt", new StringWriter());
        assertEquals("chemical/x-pdb", a.mediaType());
        assertFalse(a.extensionMismatch(), "PDB is a text format");
        assertEquals("1A8O", a.details().get("id_code"));

        Path notPdb = write("notes.pdb", "Just some notes\nabout a protein.\n");
        Analysis b = analyzer.analyze(notPdb, "notes.pdb", new StringWriter());
        assertEquals("text/plain", b.mediaType());
        assertFalse(b.details().containsKey("id_code"));
    }

    @Test
    void documentTextIsCutAtTheLimit() throws Exception {
        StringWriter full = new StringWriter();
        analyzer.analyze(SampleFiles.file("testWORD.docx"), "testWORD.docx", full);

        ContentAnalyzer small = new ContentAnalyzer(new AnalysisLimits(20, 10_000, 1L << 30, 100, 3));
        StringWriter cut = new StringWriter();
        Analysis a = small.analyze(SampleFiles.file("testWORD.docx"), "testWORD.docx", cut);
        assertEquals(20, a.textLength());
        assertTrue(a.textTruncated());
        assertEquals(full.toString().substring(0, 20), cut.toString());
        assertTrue(a.notes().stream().anyMatch(n -> n.contains("cut at 20")));
    }

    @Test
    void plainTextIsCutAtTheLimitButPdbFactsStillCoverTheWholeFile() throws Exception {
        ContentAnalyzer small = new ContentAnalyzer(new AnalysisLimits(100, 10_000, 1L << 30, 100, 3));
        StringWriter cut = new StringWriter();
        Analysis a = small.analyze(SampleFiles.file("1A8O.pdb"), "1A8O.pdb", cut);
        assertEquals(100, cut.toString().length());
        assertEquals(100, a.textLength());
        assertTrue(a.textTruncated());
        assertEquals(644L, a.details().get("atom_count"));
    }

    @Test
    void archiveTextSharesOneLimit() throws Exception {
        ContentAnalyzer small = new ContentAnalyzer(new AnalysisLimits(50, 10_000, 1L << 30, 100, 3));
        StringWriter cut = new StringWriter();
        Analysis a = small.analyze(SampleFiles.file("test-documents.zip"), "test-documents.zip", cut);
        assertEquals(50, cut.toString().length());
        assertTrue(a.textTruncated());
        assertEquals(9, a.details().get("file_count"), "entries are still all listed");
    }

    @Test
    void textFitsExactlyIsNotTruncated() throws Exception {
        Path file = write("exact.txt", "0123456789");
        ContentAnalyzer ten = new ContentAnalyzer(new AnalysisLimits(10, 10_000, 1L << 30, 100, 3));
        Analysis a = ten.analyze(file, "exact.txt", new StringWriter());
        assertEquals(10, a.textLength());
        assertFalse(a.textTruncated());
    }

    @Test
    void randomBytesAreUnsupported() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        Path file = Files.write(tmp.resolve("blob.txt"), bytes);
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> analyzer.analyze(file, "blob.txt", new StringWriter()));
        assertEquals(AnalysisException.Kind.UNSUPPORTED_TYPE, e.kind());
        assertTrue(e.getMessage().contains("could not be recognised"), e.getMessage());
        assertTrue(e.getMessage().contains("upload one of"), e.getMessage());
    }

    @Test
    void knownButUnsupportedTypeIsNamed() throws Exception {
        // A minimal GIF header: recognised, but not a type we take.
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'};
        Path file = Files.write(tmp.resolve("anim.gif"), gif);
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> analyzer.analyze(file, "anim.gif", new StringWriter()));
        assertEquals(AnalysisException.Kind.UNSUPPORTED_TYPE, e.kind());
        assertTrue(e.getMessage().contains("image/gif"), e.getMessage());
    }

    @Test
    void emptyFileIsUnsupported() throws Exception {
        Path file = Files.write(tmp.resolve("empty.txt"), new byte[0]);
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> analyzer.analyze(file, "empty.txt", new StringWriter()));
        assertEquals(AnalysisException.Kind.UNSUPPORTED_TYPE, e.kind());
        assertEquals("file is empty", e.getMessage());
    }

    @Test
    void damagedZipIsMalformed() throws Exception {
        Path file = tmp.resolve("broken.zip");
        try (OutputStream out = Files.newOutputStream(file)) {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("a.txt"));
            byte[] data = new byte[100_000];
            new Random(1).nextBytes(data);
            zip.write(data);
            zip.finish();
        }
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length / 2)); // cut off mid-entry
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> analyzer.analyze(file, "broken.zip", new StringWriter()));
        assertEquals(AnalysisException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("ZIP archive could not be read"), e.getMessage());
    }

    @Test
    void nullTextOutIsAllowed() throws Exception {
        Analysis a = analyzer.analyze(SampleFiles.file("testTXT.txt"), "testTXT.txt", null);
        assertEquals(47, a.textLength());
    }
}
