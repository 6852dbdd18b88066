package ai.datasuite.ingest.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every file of the repository's datasets/sample-files, with its expected type and a phrase from its text. */
class ContentAnalyzerSamplesTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private static ContentAnalyzer analyzer;

    @BeforeAll
    static void setUp() {
        analyzer = new ContentAnalyzer(AnalysisLimits.defaults());
    }

    /** Analysis plus the text it wrote. */
    record Result(Analysis analysis, String text) {
    }

    static Result analyze(String name) throws AnalysisException {
        StringWriter text = new StringWriter();
        Analysis analysis = analyzer.analyze(SampleFiles.file(name), name, text);
        return new Result(analysis, text.toString());
    }

    // Blank phrase = no text expected (the scanned PDF). Images give one line of their facts and name.
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "testWORD.docx          | " + DOCX + "            | Sample Word Document",
            "testWORD_various.docx  | " + DOCX + "            | Here is a numbered list",
            "testWORD_3imgs.docx    | " + DOCX + "            | The Alfresco logo is above this",
            "testPPT.pptx           | " + PPTX + "            | developed by Rajiv Kumar Nistala",
            "testPPT_various.pptx   | " + PPTX + "            | Here is a text box",
            "testEXCEL.xlsx         | " + XLSX + "            | Sample Excel Worksheet - Numbers and their Squares",
            "testEXCEL-formats.xlsx | " + XLSX + "            | Scientific",
            "testPDF.pdf            | application/pdf          | Apache Tika is a toolkit for detecting and extracting metadata",
            "testAnnotations.pdf    | application/pdf          | Here is a comment",
            "testOCR.pdf            | application/pdf          | ",
            "testPNG.png            | image/png                | testPNG.png: image/png, 100 x 75 px",
            "testOCR_spacing.png    | image/png                | testOCR_spacing.png: image/png, 2385 x 140 px",
            "testJPEG.jpg           | image/jpeg               | testJPEG.jpg: image/jpeg, 100 x 75 px",
            "testJPEG_EXIF.jpg      | image/jpeg               | testJPEG_EXIF.jpg: image/jpeg, 100 x 68 px",
            "testOCR.jpg            | image/jpeg               | testOCR.jpg: image/jpeg, 136 x 66 px",
            "testCSV.csv            | text/csv                 | Sample CSV File - Numbers and their Squares",
            "test-columnar.csv      | text/csv                 | Square of the Record Number",
            "test-documents.zip     | application/zip          | Sample Excel Worksheet",
            "test-zip-of-zip.zip    | application/zip          | This is just some text.",
            "testHTML.html          | text/html                | Test Indexation Html",
            "testTXT.txt            | text/plain               | Test d'indexation de Txt",
            "testRTF.rtf            | application/rtf          | indexation Word",
            "check_javadoc_sourcepath.py | text/x-python       | Licensed to the Apache Software Foundation",
            "1A8O.pdb               | chemical/x-pdb           | HIV CAPSID C-TERMINAL DOMAIN",
    })
    void detectsTypeAndExtractsText(String name, String mediaType, String phrase) throws Exception {
        Result r = analyze(name);
        Analysis a = r.analysis();
        assertEquals(mediaType, a.mediaType());
        assertEquals(mediaType, a.nameMediaType(), "the sample's extension fits its content");
        assertFalse(a.extensionMismatch());
        assertEquals(r.text().length(), a.textLength());
        assertFalse(a.textTruncated());
        if (phrase == null) {
            assertFalse(a.hasText(), () -> "expected no text, got: " + r.text());
        } else {
            assertTrue(a.hasText());
            assertTrue(r.text().contains(phrase), () -> "missing '" + phrase + "' in: " + r.text());
        }
    }

    @Test
    void everySampleIsCovered() throws IOException {
        Set<String> covered = Set.of("testWORD.docx", "testWORD_various.docx", "testWORD_3imgs.docx", "testPPT.pptx",
                "testPPT_various.pptx", "testEXCEL.xlsx", "testEXCEL-formats.xlsx", "testPDF.pdf",
                "testAnnotations.pdf", "testOCR.pdf", "testPNG.png", "testOCR_spacing.png", "testJPEG.jpg",
                "testJPEG_EXIF.jpg", "testOCR.jpg", "testCSV.csv", "test-columnar.csv", "test-documents.zip",
                "test-zip-of-zip.zip", "testHTML.html", "testTXT.txt", "testRTF.rtf", "check_javadoc_sourcepath.py",
                "1A8O.pdb");
        try (Stream<Path> files = Files.list(SampleFiles.dir())) {
            Set<String> present = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("README.md") && !n.equals("MANIFEST.csv"))
                    .collect(Collectors.toSet());
            assertEquals(covered, present);
        }
    }

    @ParameterizedTest(name = "{0} is {1}x{2}")
    @CsvSource({
            "testPNG.png, 100, 75",
            "testOCR_spacing.png, 2385, 140",
            "testJPEG.jpg, 100, 75",
            "testJPEG_EXIF.jpg, 100, 68",
            "testOCR.jpg, 136, 66",
    })
    void imagesGiveTheirPixelSize(String name, int width, int height) throws Exception {
        Result r = analyze(name);
        Analysis a = r.analysis();
        assertEquals(width, a.details().get("width"));
        assertEquals(height, a.details().get("height"));
        // Issue 11: an image's text is one line of its facts and name (it used to be empty).
        assertTrue(r.text().startsWith(name + ": " + a.mediaType() + ", " + width + " x " + height + " px"), r.text());
        assertEquals(1, r.text().lines().count(), r.text());
    }

    @Test
    void jpegExifFacts() throws Exception {
        Result r = analyze("testJPEG_EXIF.jpg");
        Map<?, ?> exif = (Map<?, ?>) r.analysis().details().get("exif");
        assertEquals("Canon", exif.get("camera_make"));
        assertEquals("Canon EOS 40D", exif.get("camera_model"));
        assertEquals("2009-08-11T09:09:45", exif.get("date_taken"));
        assertEquals("400", exif.get("iso"));
        assertTrue(r.text().contains("camera make Canon, camera model Canon EOS 40D, date taken 2009-08-11T09:09:45"),
                r.text());
    }

    @Test
    void pngWithoutExifHasNoExifMap() throws Exception {
        assertFalse(analyze("testPNG.png").analysis().details().containsKey("exif"));
    }

    @Test
    void zipListsEntriesAndPrefixesTheirText() throws Exception {
        Result r = analyze("test-documents.zip");
        Map<String, Object> d = r.analysis().details();
        assertEquals(9, d.get("file_count"));
        List<?> entries = (List<?>) d.get("entries");
        List<String> names = entries.stream().map(e -> (String) ((Map<?, ?>) e).get("name")).toList();
        assertEquals(List.of("testEXCEL.xls", "testHTML.html", "testOpenOffice2.odt", "testPDF.pdf", "testPPT.ppt",
                "testRTF.rtf", "testTXT.txt", "testWORD.doc", "testXML.xml"), names);
        Map<?, ?> pdf = (Map<?, ?>) entries.get(3);
        assertEquals(34824L, pdf.get("size"));
        assertTrue((Long) pdf.get("compressed_size") > 0 && (Long) pdf.get("compressed_size") < 34824L);
        assertEquals("application/pdf", pdf.get("media_type"));
        assertEquals(115328L, d.get("total_uncompressed_bytes"));
        String text = r.text();
        assertTrue(text.contains("=== testPDF.pdf ===\n"));
        // Each entry's text follows its own header: the PDF's text comes after the PDF header.
        assertTrue(text.indexOf("Apache Tika is a toolkit") > text.indexOf("=== testPDF.pdf ==="));
        assertTrue(text.indexOf("Apache Tika is a toolkit") < text.indexOf("=== testPPT.ppt ==="));
        assertTrue(text.contains("=== testWORD.doc ==="), "legacy Word entries are read inside archives");
    }

    @Test
    void nestedZipIsListedAndItsTextIncluded() throws Exception {
        Result r = analyze("test-zip-of-zip.zip");
        Map<String, Object> d = r.analysis().details();
        List<?> entries = (List<?>) d.get("entries");
        List<String> names = entries.stream().map(e -> (String) ((Map<?, ?>) e).get("name")).toList();
        assertEquals(List.of("html-within-zip.zip", "html-within-zip.zip/text.html"), names);
        assertEquals("application/zip", ((Map<?, ?>) entries.get(0)).get("media_type"));
        assertEquals(1, d.get("nested_archive_count"));
        assertTrue(r.text().startsWith("=== html-within-zip.zip/text.html ===\n"), r.text());
        assertTrue(r.text().contains("This is just some text."));
    }

    @Test
    void pdbHeaderFacts() throws Exception {
        Map<String, Object> d = analyze("1A8O.pdb").analysis().details();
        assertEquals("1A8O", d.get("id_code"));
        assertEquals("VIRAL PROTEIN", d.get("classification"));
        assertEquals("27-MAR-98", d.get("deposition_date"));
        assertEquals("HIV CAPSID C-TERMINAL DOMAIN", d.get("title"));
        assertEquals("X-RAY DIFFRACTION", d.get("experiment"));
        assertEquals(1.70, (Double) d.get("resolution"), 1e-9);
        assertEquals(List.of("A"), d.get("chains"));
        assertEquals(524L, d.get("atom_record_count"));
        assertEquals(120L, d.get("hetatm_record_count"));
        assertEquals(644L, d.get("atom_count"));
        assertEquals(66, d.get("residue_count"));
    }

    @Test
    void officeAndPdfCounts() throws Exception {
        assertEquals(2, analyze("testWORD.docx").analysis().details().get("page_count"));
        assertEquals("Sample Word Document", analyze("testWORD.docx").analysis().details().get("title"));
        assertEquals(3, analyze("testPPT.pptx").analysis().details().get("slide_count"));
        assertEquals(3, analyze("testEXCEL.xlsx").analysis().details().get("sheet_count"));
        assertEquals(1, analyze("testPDF.pdf").analysis().details().get("page_count"));
        assertEquals("Bertrand Delacrétaz", analyze("testPDF.pdf").analysis().details().get("author"));
    }

    @Test
    void scannedPdfIsNotedAsHavingNoTextLayer() throws Exception {
        Analysis a = analyze("testOCR.pdf").analysis();
        assertTrue(a.notes().stream().anyMatch(n -> n.contains("no text layer")), a.notes().toString());
    }

    @Test
    void textFilesReportLinesAndCharset() throws Exception {
        Map<String, Object> d = analyze("testCSV.csv").analysis().details();
        assertEquals(23L, d.get("line_count"));
        assertTrue(d.containsKey("charset"));
    }
}
