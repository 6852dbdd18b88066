package ai.datasuite.inference.training;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * e5 embeddings of a list of texts, kept on disk under a key made of the encoder graph, the tokenizer and the texts,
 * so that a retrain embeds only texts it has not seen (the GoEmotions splits are embedded once per machine).
 */
final class EmbeddingCache {

    private static final String TMP_SUFFIX = ".tmp";

    private final Path dir;

    public EmbeddingCache(Path dir) {
        this.dir = dir;
    }

    /** Embeddings of {@code texts} in order, read from the cache or computed with {@code encoder} and stored. */
    public float[][] embeddings(String name, List<String> texts, E5Encoder encoder, IntConsumer progress) throws IOException {
        Path file = dir.resolve(name + "-" + key(texts).substring(0, 24) + ".f32");
        if (Files.isRegularFile(file)) {
            float[][] cached = read(file, texts.size());
            if (cached != null) {
                return cached;
            }
        }
        float[][] emb = encoder.embed(encoder.tokenize(texts), 32, progress);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, TMP_SUFFIX);
        DurableFiles.write(tmp, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeInt(emb.length);
            out.writeInt(E5Encoder.DIM);
            for (float[] row : emb) {
                for (float v : row) {
                    out.writeFloat(v);
                }
            }
            out.flush();
        });
        DurableFiles.replace(tmp, file);
        return emb;
    }

    /** Removes the temporary files of writes a crash cut off; returns what it removed. */
    static List<Path> removeLeftovers(Path dir) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                if (p.getFileName().toString().endsWith(TMP_SUFFIX) && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                    removed.add(p);
                }
            }
        }
        return removed;
    }

    private static float[][] read(Path file, int n) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != n || in.readInt() != E5Encoder.DIM) {
                return null;
            }
            float[][] emb = new float[n][E5Encoder.DIM];
            for (float[] row : emb) {
                for (int d = 0; d < row.length; d++) {
                    row[d] = in.readFloat();
                }
            }
            return emb;
        }
    }

    /** The cache key: the encoder graph, the tokenizer and the texts. */
    static String key(List<String> texts) {
        MessageDigest md = Hashing.sha256();
        md.update(EncoderIdentity.HASH.getBytes(StandardCharsets.UTF_8));
        for (String t : texts) {
            md.update(t.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** A hash of the encoder graph and tokenizer, computed once per JVM. */
    static final class EncoderIdentity {
        static final String HASH = Hashing.sha256(E5Encoder.encoderBytes(), E5Encoder.tokenizerJson());
    }
}
