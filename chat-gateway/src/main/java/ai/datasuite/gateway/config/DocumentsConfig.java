package ai.datasuite.gateway.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Uploads, their indexing into retrieval-service, and the notice board's indexing. */
@ConfigMapping(prefix = "gateway.documents")
public interface DocumentsConfig {

    /** Largest chunk (characters) of LangChain4j's recursive splitter; a table chunk's rows fit in it too. */
    @WithDefault("1000")
    @Min(50)
    int chunkChars();

    /**
     * Characters shared by neighbouring chunks of prose (tables repeat their header instead). 0: measured best on
     * SQuAD with 1000-character chunks (retrieval-service's README, RAG quality): overlap repeats sentences, so the
     * top hits hold less distinct text.
     */
    @WithDefault("0")
    @Min(0)
    int chunkOverlapChars();

    /** Uploads of at most this many chunks are indexed before the answer (201); larger ones in the background (202). */
    @WithDefault("64")
    @Min(0)
    int syncMaxChunks();

    /** Chunks per index call to retrieval-service (its limit is 256); progress is recorded after each. */
    @WithDefault("64")
    @Min(1)
    @Max(256)
    int indexBatch();

    /** Background indexing. */
    Indexing indexing();

    interface Indexing {

        /** Uploads indexed at the same time. */
        @WithDefault("2")
        @Min(1)
        int threads();

        /** Uploads waiting for a thread; a full queue answers 503 with Retry-After. */
        @WithDefault("32")
        @Min(0)
        int queue();

        /** Retry-After of that 503. */
        @WithDefault("30s")
        Duration retryAfter();

        /**
         * A document still {@code indexing} whose record has not changed for this long is taken as abandoned (the
         * gateway stopped): the gateway resumes it at start-up.
         */
        @WithDefault("10m")
        Duration staleAfter();

        /** At start-up metadata-service may not answer yet: the look for abandoned indexing is tried this often. */
        @WithDefault("5s")
        Duration recoveryRetryDelay();

        @WithDefault("60")
        int recoveryAttempts();
    }
}
