package ai.datasuite.retrieval.support;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.datasuite.retrieval.embedding.EmbeddingModels;
import ai.datasuite.retrieval.embedding.TextEmbedder;

/**
 * Keeps the vectors of an embedder on disk, keyed by exact text, so that re-running a quality measurement does not
 * re-embed ~18k SQuAD texts (minutes on 2 cores). Files {@code <model>-query.bin} / {@code <model>-passage.bin}:
 * records of (UTF-8 length, text, dimension, floats), appended as new texts are embedded.
 */
public final class CachingEmbedder implements TextEmbedder {

    private final TextEmbedder delegate;
    private final Path queries;
    private final Path passages;
    private final Map<String, float[]> queryCache;
    private final Map<String, float[]> passageCache;

    public CachingEmbedder(TextEmbedder delegate, Path dir) {
        this.delegate = delegate;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.queries = dir.resolve(delegate.name() + "-query.bin");
        this.passages = dir.resolve(delegate.name() + "-passage.bin");
        this.queryCache = read(queries);
        this.passageCache = read(passages);
    }

    /** Models whose embedders all go through a cache in {@code dir}. */
    public static EmbeddingModels models(Path dir) {
        return new EmbeddingModels() {
            private final Map<Kind, TextEmbedder> cached = new HashMap<>();

            @Override
            public synchronized TextEmbedder get(Kind kind) {
                return cached.computeIfAbsent(kind, k -> new CachingEmbedder(super.get(k), dir));
            }
        };
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public synchronized float[][] embedQueries(List<String> texts) {
        return embed(texts, queryCache, queries, true);
    }

    @Override
    public synchronized float[][] embedPassages(List<String> texts) {
        return embed(texts, passageCache, passages, false);
    }

    private float[][] embed(List<String> texts, Map<String, float[]> cache, Path file, boolean query) {
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            if (!cache.containsKey(t) && !missing.contains(t)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            float[][] computed = query ? delegate.embedQueries(missing) : delegate.embedPassages(missing);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                for (int i = 0; i < missing.size(); i++) {
                    byte[] bytes = missing.get(i).getBytes(StandardCharsets.UTF_8);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                    out.writeInt(computed[i].length);
                    for (float f : computed[i]) {
                        out.writeFloat(f);
                    }
                    cache.put(missing.get(i), computed[i]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = cache.get(texts.get(i)).clone();
        }
        return out;
    }

    private static Map<String, float[]> read(Path file) {
        Map<String, float[]> cache = new HashMap<>();
        if (!Files.exists(file)) {
            return cache;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    return cache;
                }
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                float[] v = new float[in.readInt()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readFloat();
                }
                cache.put(new String(bytes, StandardCharsets.UTF_8), EmbeddingModels.normalise(v));
            }
        } catch (EOFException truncated) {
            return cache; // a run killed mid-append: keep what is whole
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
