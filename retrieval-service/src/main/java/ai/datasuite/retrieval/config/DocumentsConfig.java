package ai.datasuite.retrieval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-user document chunks for RAG, under {@code retrieval.documents.}. */
@ConfigMapping(prefix = "retrieval.documents")
public interface DocumentsConfig {

    /** The vector collection holding every owner's chunks (filtered by {@code owner} on every search). */
    @WithDefault("documents")
    String collection();

    /** Embedding model of the chunks and queries: {@code e5-small-v2} or {@code all-minilm-l6-v2}. */
    @WithDefault("e5-small-v2")
    String model();

    /** Chunks one {@code POST /api/v1/documents} may carry. */
    @WithDefault("256")
    int maxChunks();

    /**
     * Chunks one owner may hold in the collection (409 naming this key when an index request would pass it). The
     * embedded store keeps every chunk in memory (its 384 floats, text and payload: about 4 KB at 1,000 characters),
     * so this bounds what one owner's documents take: about 40 MB at the default.
     */
    @WithDefault("10000")
    int maxChunksPerOwner();

    /** Characters one chunk may have (MiniLM reads ~128 tokens, e5 512: longer text is not seen by the model). */
    @WithDefault("4000")
    int maxChunkChars();

    /** Characters a search query may have. */
    @WithDefault("2000")
    int maxQueryChars();

    /** Largest {@code top_k} of a search. */
    @WithDefault("50")
    int maxTopK();

    /** Length limit of {@code owner} and {@code source_file_id}. */
    @WithDefault("200")
    int maxIdLength();

    /**
     * The reserved owner of the public notices (admins post them; every user's search may include them with
     * {@code include_public}). User ids start with a letter or digit, so this can never be a user.
     */
    String PUBLIC_OWNER = "_public";

    Fusion fusion();

    Highlights highlights();

    /** Answer sentences picked from a search's hits ({@code document/Highlighter}). */
    interface Highlights {

        /** Largest {@code highlights} a search may ask for. */
        @WithDefault("5")
        int max();

        /** Longer sentences are cut at word boundaries before scoring (and never returned longer). */
        @WithDefault("400")
        int maxSentenceChars();

        /** Weight of the z-scored cosine of the query's and the sentence's e5 vectors (0 skips embedding them). */
        @WithDefault("1.0")
        double denseWeight();

        /** Weight of the z-scored idf-weighted share of the query's terms found in the sentence. */
        @WithDefault("0.5")
        double lexicalWeight();

        /** Weight of the z-scored fused score of the sentence's chunk. */
        @WithDefault("0.3")
        double hitWeight();

        /** Sentence vectors kept in memory (LRU; 384 floats each), so chunks found again cost no embedding. */
        @WithDefault("20000")
        int cacheSize();
    }

    /** How the sparse (BM25 term) and dense (embedding) candidates of a search are fused. */
    interface Fusion {

        /** {@code weighted} (sum of normalised scores) or {@code rrf} (reciprocal rank fusion). */
        @WithDefault("weighted")
        String method();

        /** {@code zscore} or {@code minmax}: normalisation of each list before the weighted sum. */
        @WithDefault("zscore")
        String normalization();

        /** Share of the dense score in the weighted sum (0 to 1). */
        @WithDefault("0.7")
        double weight();

        /** The k of RRF. */
        @WithDefault("60")
        int rrfK();

        /** Candidates taken from each list before fusing. */
        @WithDefault("50")
        int candidates();
    }
}
