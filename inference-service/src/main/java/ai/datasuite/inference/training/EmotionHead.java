package ai.datasuite.inference.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained part of the built-in emotion model, small enough to commit: the TF-IDF n-gram pool of token ids and its
 * IDF weights, the embedding standardisation ({@code (x - mean) * scale}), the linear layer over
 * {@code [embedding, tfidf]} and the per-class decision biases. The encoder itself comes from the e5 jar.
 *
 * <p>Stored as gzip'd big-endian binary (magic {@code EMOHEAD1}); {@link java.util.zip.GZIPOutputStream} writes no
 * timestamp, so the same head always gives the same bytes.
 */
record EmotionHead(String description, long[][] ngrams, float[] idf, float[] mean, float[] scale, float[][] w, float[] b,
        float[] thresholds) {

    private static final String MAGIC = "EMOHEAD1";

    public TokenFeatures tokenFeatures() {
        return new TokenFeatures(ngrams, idf);
    }

    public int denseDim() {
        return mean.length;
    }

    /** The standardised embedding that feeds the linear layer. */
    public float[] dense(float[] embedding) {
        float[] out = new float[embedding.length];
        for (int d = 0; d < out.length; d++) {
            out[d] = (embedding[d] - mean[d]) * scale[d];
        }
        return out;
    }

    /** Logits in Java, as the assembled graph computes them (for checks). */
    public double[] logits(float[] embedding, long[] ids) {
        double[] z = new SoftmaxRegression.Model(w, b).logits(dense(embedding), tokenFeatures().transform(ids));
        for (int c = 0; c < z.length; c++) {
            z[c] += thresholds[c];
        }
        return z;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
            out.writeUTF(description);
            out.writeInt(ngrams.length);
            for (int i = 0; i < ngrams.length; i++) {
                out.writeByte(ngrams[i].length);
                for (long id : ngrams[i]) {
                    out.writeInt((int) id);
                }
                out.writeFloat(idf[i]);
            }
            writeFloats(out, mean);
            writeFloats(out, scale);
            out.writeInt(w.length);
            for (float[] row : w) {
                writeFloats(out, row);
            }
            writeFloats(out, b);
            writeFloats(out, thresholds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static EmotionHead fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(data)))) {
            byte[] magic = in.readNBytes(MAGIC.length());
            if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new IOException("not an emotion head (bad magic)");
            }
            String description = in.readUTF();
            int v = in.readInt();
            long[][] ngrams = new long[v][];
            float[] idf = new float[v];
            for (int i = 0; i < v; i++) {
                ngrams[i] = new long[in.readUnsignedByte()];
                for (int j = 0; j < ngrams[i].length; j++) {
                    ngrams[i][j] = in.readInt();
                }
                idf[i] = in.readFloat();
            }
            float[] mean = readFloats(in);
            float[] scale = readFloats(in);
            float[][] w = new float[in.readInt()][];
            for (int c = 0; c < w.length; c++) {
                w[c] = readFloats(in);
            }
            return new EmotionHead(description, ngrams, idf, mean, scale, w, readFloats(in), readFloats(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EmotionHead fromResource(String name) {
        try (InputStream in = EmotionHead.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is not on the classpath");
            }
            return fromBytes(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float f : a) {
            out.writeFloat(f);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] a = new float[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }
}
