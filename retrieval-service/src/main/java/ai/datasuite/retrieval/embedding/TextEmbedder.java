package ai.datasuite.retrieval.embedding;

import java.util.List;

/** Turns texts into unit-length dense vectors; questions and passages may be embedded differently (e5 prefixes). */
public interface TextEmbedder {

    /** The model's name, e.g. {@code e5-small-v2}. */
    String name();

    /** Vector length. */
    int dimension();

    /** Vectors of questions, one per text, L2-normalised. */
    float[][] embedQueries(List<String> texts);

    /** Vectors of passages (contexts, chunks), one per text, L2-normalised. */
    float[][] embedPassages(List<String> texts);
}
