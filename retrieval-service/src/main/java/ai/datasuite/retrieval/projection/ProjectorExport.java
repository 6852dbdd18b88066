package ai.datasuite.retrieval.projection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The TensorBoard Embedding Projector's files in a zip: {@code vectors.tsv} (one row of tab-separated floats per
 * point, no header) and {@code metadata.tsv} (a header row, then one row per point in the same order). Tabs and line
 * breaks inside a cell become spaces, so every row keeps its columns.
 */
public final class ProjectorExport {

    public static final String VECTORS = "vectors.tsv";
    public static final String METADATA = "metadata.tsv";

    private ProjectorExport() {
    }

    /** {@code rows.get(i)} are the metadata cells of {@code vectors[i]}. */
    public static byte[] zip(List<float[]> vectors, List<String> header, List<List<String>> rows) {
        if (vectors.size() != rows.size()) {
            throw new IllegalArgumentException("One metadata row per vector");
        }
        StringBuilder tsv = new StringBuilder(vectors.size() * 384 * 10);
        for (float[] v : vectors) {
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    tsv.append('\t');
                }
                tsv.append(v[i]);
            }
            tsv.append('\n');
        }
        StringBuilder meta = new StringBuilder();
        line(meta, header);
        rows.forEach(row -> line(meta, row));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(VECTORS));
            zip.write(tsv.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(METADATA));
            zip.write(meta.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            String cell = cells.get(i);
            out.append(cell == null ? "" : cell.replaceAll("[\\t\\r\\n]+", " ").strip());
        }
        out.append('\n');
    }
}
