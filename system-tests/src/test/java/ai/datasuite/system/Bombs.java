package ai.datasuite.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Named hostile inputs, generated (nothing is checked in): archive bombs, an XLSX whose shared strings are huge, a PDB
 * of tens of MB streamed from a generator, deeply nested JSON, a CSV header of a million columns, invalid UTF-8.
 */
final class Bombs {

    private Bombs() {
    }

    /** One entry of {@code megabytes} MB of zeros: a compression ratio of about 1000. */
    static byte[] zipRatio(int megabytes) {
        return zip(out -> {
            out.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) {
                out.write(zeros);
            }
        });
    }

    /** {@code count} tiny entries (each one byte). */
    static byte[] zipEntries(int count) {
        return zip(out -> {
            for (int i = 0; i < count; i++) {
                out.putNextEntry(new ZipEntry("e/" + i + ".txt"));
                out.write('x');
            }
        });
    }

    /** One entry under {@code levels} nested folders (a path of thousands of characters). */
    static byte[] zipDeepPath(int levels) {
        return zip(out -> {
            out.putNextEntry(new ZipEntry("d/".repeat(levels) + "leaf.txt"));
            out.write("deep".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A zip inside a zip inside ... {@code levels} times, with a text file at the bottom. */
    static byte[] zipNested(int levels) {
        byte[] inner = "the bottom".getBytes(StandardCharsets.UTF_8);
        String name = "bottom.txt";
        for (int i = 0; i < levels; i++) {
            byte[] content = inner;
            String entry = name;
            inner = zip(out -> {
                out.putNextEntry(new ZipEntry(entry));
                out.write(content);
            });
            name = "level" + i + ".zip";
        }
        return inner;
    }

    /**
     * A minimal XLSX whose {@code xl/sharedStrings.xml} holds {@code count} distinct random strings: random enough to
     * stay under a compression-ratio limit, large enough that holding it all costs hundreds of MB of heap.
     */
    static byte[] xlsxSharedStrings(int count) {
        Random random = new Random(12);
        return zip(out -> {
            put(out, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-"
                    + "package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override "
                    + "PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                    + "spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType="
                    + "\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName="
                    + "\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml."
                    + "sharedStrings+xml\"/></Types>");
            put(out, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(out, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(out, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                    + "openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            put(out, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas."
                    + "openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v>"
                    + "</c></row></sheetData></worksheet>");
            out.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            out.write(("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                    + " count=\"" + count + "\" uniqueCount=\"" + count + "\">").getBytes(StandardCharsets.UTF_8));
            StringBuilder si = new StringBuilder();
            for (int i = 0; i < count; i++) {
                si.setLength(0);
                si.append("<si><t>");
                for (int c = 0; c < 40; c++) {
                    si.append((char) ('a' + random.nextInt(26)));
                }
                si.append("</t></si>");
                out.write(si.toString().getBytes(StandardCharsets.US_ASCII));
            }
            out.write("</sst>".getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * A PDB of about {@code megabytes} MB made while it is sent: ATOM records of ever new residues, with a TITLE line
     * every 50 lines (what a parser that keeps every title or residue would hold).
     */
    static InputStream hugePdb(int megabytes) {
        long target = megabytes * (1L << 20);
        return new InputStream() {
            private long sent;
            private long line;
            private byte[] current = new byte[0];
            private int position;

            @Override
            public int read() {
                if (position == current.length && !next()) {
                    return -1;
                }
                return current[position++] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position == current.length && !next()) {
                    return -1;
                }
                int n = Math.min(length, current.length - position);
                System.arraycopy(current, position, buffer, offset, n);
                position += n;
                return n;
            }

            private boolean next() {
                if (sent >= target) {
                    return false;
                }
                String record = line % 50 == 0
                        ? String.format("TITLE    %-70s%n", "HOSTILE STRUCTURE PART " + line)
                        : String.format("ATOM  %5d  CA  R%02d A%4d    %8.3f%8.3f%8.3f  1.00  0.00           C%n",
                        line % 100_000, line % 97, line % 10_000, line % 1000 / 10.0, 1.0, 2.0);
                current = record.getBytes(StandardCharsets.US_ASCII);
                position = 0;
                sent += current.length;
                line++;
                return true;
            }
        };
    }

    /** A multipart form around a streamed file part (and one small text field first), never held whole in memory. */
    static InputStream multipartStream(String boundary, String filename, String type, InputStream file,
                                       String field, String value) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), file,
                new java.io.ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));
    }

    /** Arrays nested {@code depth} deep, as a tree. */
    static JsonNode nestedJson(int depth) {
        ArrayNode root = JsonNodeFactory.instance.arrayNode();
        ArrayNode current = root;
        for (int i = 1; i < depth; i++) {
            current = current.addArray();
        }
        return root;
    }

    /** {@code {"a":[[[[...]]]]}} nested {@code depth} deep, as text (too deep to build as a tree). */
    static String nestedJsonText(String field, int depth) {
        return "{\"" + field + "\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    /** A Q&A CSV whose header has {@code columns} columns (the three expected ones first). */
    static byte[] csvColumns(int columns) {
        StringBuilder csv = new StringBuilder("question,context,answer");
        for (int i = 3; i < columns; i++) {
            csv.append(",c");
        }
        csv.append("\nq,c,a\n");
        return csv.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Bytes that are not UTF-8: lone continuation bytes, an overlong form, a surrogate, a truncated sequence. */
    static byte[] invalidUtf8() {
        return new byte[]{'q', ',', (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0,
                (byte) 0x80, (byte) 0xFF, (byte) 0xFE, '\n', (byte) 0xE2, (byte) 0x82};
    }

    private interface Writer {
        void write(ZipOutputStream out) throws IOException;
    }

    private static byte[] zip(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
    }
}
