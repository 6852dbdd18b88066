package ai.datasuite.gateway.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips built in memory for the tests; a name ending in / is a folder entry. */
final class SnapshotZips {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private boolean stored;

    SnapshotZips add(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8));
    }

    SnapshotZips add(String name, byte[] bytes) {
        entries.put(name, bytes);
        return this;
    }

    /** Entries stored, not deflated (the zip is as large as its content). */
    SnapshotZips stored() {
        stored = true;
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One GAIA row of metadata.jsonl. */
    static String row(String taskId, int level, String fileName) {
        return "{\"task_id\": \"" + taskId + "\", \"Question\": \"What is in " + taskId + "?\", \"Level\": " + level
                + ", \"Final answer\": \"42\", \"file_name\": \"" + fileName + "\", \"Annotator Metadata\":"
                + " {\"Steps\": \"1. Open the file\", \"Number of steps\": \"1\", \"Tools\": \"1. Excel\"}}\n";
    }

    /** A PNG signature followed by {@code marker}: ingest's fake recognises it as an image. */
    static byte[] png(String marker) {
        byte[] text = marker.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[8 + text.length];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, 8);
        System.arraycopy(text, 0, bytes, 8, text.length);
        return bytes;
    }
}
