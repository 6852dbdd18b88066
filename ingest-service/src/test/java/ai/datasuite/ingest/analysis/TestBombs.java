package ai.datasuite.ingest.analysis;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Hostile files made in the test, never stored in the repository: what issue 12 calls the named bombs. */
public final class TestBombs {

    private TestBombs() {
    }

    /**
     * PDB lines (80 columns) until about {@code bytes}: a TITLE line every 50 lines, the rest ATOM records each of a
     * residue never seen before (chains A-Z, growing residue numbers, insertion codes A-Z).
     */
    public static void pdbLines(long bytes, Consumer<String> lines) {
        lines.accept(String.format("%-80s", "HEADER    HOSTILE TEST                            01-JAN-20   6BMB"));
        long written = 81;
        long n = 0;
        while (written < bytes) {
            String line;
            if (n % 50 == 0) {
                line = String.format("TITLE  %3d A TITLE LINE THAT NEVER ENDS, NUMBER %d OF MANY", (n / 50) % 1000, n);
            } else {
                char chain = (char) ('A' + n % 26);
                long residue = n / 26;
                char iCode = (char) ('A' + (residue / 10_000) % 26);
                line = String.format("ATOM  %5d  CA  ALA %c%4d%c   %8.3f%8.3f%8.3f  1.00  0.00           C",
                        n % 100_000, chain, residue % 10_000, iCode, 1.0, 2.0, 3.0);
            }
            line = String.format("%-80s", line);
            lines.accept(line);
            written += line.length() + 1;
            n++;
        }
        lines.accept("END");
    }

    /** The same lines written to a file. */
    public static Path pdb(Path file, long bytes) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            pdbLines(bytes, line -> {
                try {
                    out.write(line);
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return file;
    }

    /**
     * A valid XLSX whose xl/sharedStrings.xml holds {@code strings} distinct strings of about 45 characters: it
     * compresses about 7 times, far under the ratio limit, yet POI keeps every string on the heap.
     */
    public static Path xlsxSharedStrings(Path file, int strings) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\""
                    + "application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                    + "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override "
                    + "PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                    + "</Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                    + "schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\""
                    + "xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas"
                    + ".openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"
                    + "</sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns="
                    + "\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                    + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target="
                    + "\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                    + "</Relationships>");
            put(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://"
                    + "schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\">"
                    + "<v>0</v></c></row></sheetData></worksheet>");
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            Writer out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\" count=\"" + strings + "\" uniqueCount=\"" + strings + "\">");
            Random random = new Random(7);
            for (int i = 0; i < strings; i++) {
                out.write("<si><t>shared string number " + i + ' ' + Long.toString(random.nextLong() & 0xffffff, 36)
                        + "</t></si>");
            }
            out.write("</sst>");
            out.flush();
            zip.closeEntry();
        }
        return file;
    }

    /** A PDF of {@code pages} pages of small text: cheap to store, slow to extract. */
    public static Path slowPdf(Path file, int pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.setFont(font, 6);
                    text.newLineAtOffset(20, 780);
                    for (int l = 0; l < 120; l++) {
                        text.showText("page " + p + " line " + l + " the quick brown fox jumps over the lazy dog");
                        text.newLineAtOffset(0, -6);
                    }
                    text.endText();
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** JSON nested {@code depth} arrays deep: a parser that recursed would overflow its stack. */
    public static Path deepJson(Path file, int depth) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < depth; i++) {
                out.write('[');
            }
            for (int i = 0; i < depth; i++) {
                out.write(']');
            }
        }
        return file;
    }

    /** Text that starts as ASCII and then holds bytes that are no UTF-8 (lone continuation and 0xFF bytes). */
    public static Path invalidUtf8(Path file, int kib) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < kib; i++) {
                out.write("plain words on a line\n".getBytes(StandardCharsets.US_ASCII));
                byte[] junk = new byte[1000];
                for (int j = 0; j < junk.length; j++) {
                    junk[j] = (byte) (j % 3 == 0 ? 0xFF : j % 3 == 1 ? 0x80 : 'a');
                }
                out.write(junk);
            }
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
