package ai.datasuite.retrieval.model;

import java.util.List;
import java.util.Locale;

import ai.datasuite.retrieval.embedding.EmbeddingModels;
import ai.datasuite.retrieval.embedding.TextEmbedder;

/** A deterministic stand-in for an ONNX model: hashed bag of words, normalised; counts its calls. */
public final class HashingEmbedder implements TextEmbedder {

    private final int dimension;
    public int queryCalls;
    public int passageTexts;

    public HashingEmbedder(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public String name() {
        return "hashing";
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[][] embedQueries(List<String> texts) {
        queryCalls++;
        return embed(texts);
    }

    @Override
    public float[][] embedPassages(List<String> texts) {
        passageTexts += texts.size();
        return embed(texts);
    }

    private float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            float[] v = new float[dimension];
            for (String word : texts.get(i).toLowerCase(Locale.ROOT).split("\\W+")) {
                if (word.length() > 2) {
                    v[Math.floorMod(word.hashCode(), dimension)] += 1;
                }
            }
            out[i] = EmbeddingModels.normalise(v);
        }
        return out;
    }
}
