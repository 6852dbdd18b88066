package ai.datasuite.ingest.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips built in memory for the archive tests (analysis and upload). */
public final class TestArchives {

    private TestArchives() {
    }

    /** A zip holding level1.zip holding ... levelN.zip holding bottom.txt. */
    public static byte[] nested(int levels) {
        byte[] content = "the bottom".getBytes(StandardCharsets.UTF_8);
        String name = "bottom.txt";
        for (int level = levels; level >= 0; level--) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                out.putNextEntry(new ZipEntry(name));
                out.write(content);
                out.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = bytes.toByteArray();
            name = "level" + level + ".zip";
        }
        return content;
    }
}
