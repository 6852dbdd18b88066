package ai.datasuite.retrieval.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where vectors live, under {@code retrieval.vector-store.} (environment: {@code RETRIEVAL_VECTOR_STORE_KIND}, ...). */
@ConfigMapping(prefix = "retrieval.vector-store")
public interface VectorStoreConfig {

    /** Name of the key {@link Embedded#maxPoints()}, for the answers that cite it. */
    String MAX_POINTS_KEY = "retrieval.vector-store.embedded.max-points";

    /** {@code embedded} (in-process index persisted under the data folder; the default) or {@code qdrant}. */
    @WithDefault("embedded")
    Kind kind();

    /** Points sent to the store per upsert request. */
    @WithDefault("256")
    int batchSize();

    Embedded embedded();

    Qdrant qdrant();

    enum Kind {
        EMBEDDED,
        QDRANT
    }

    /** The embedded store. */
    interface Embedded {

        /** Folder holding one sub-folder per collection. */
        @WithDefault("${suite.data-dir}/retrieval/vectors")
        String dir();

        /** Segment files a collection keeps before they are folded into one snapshot. */
        @WithDefault("32")
        int maxSegments();

        /**
         * Points one collection may hold (a model's vectors, or every owner's document chunks); an upsert past it is
         * a 413 {@code vector-collection-full} naming this key. Held in memory: 384 dimensions take about 1.5 KB a
         * point. The store also never passes what one Java array can hold, (2^31 - 9) / dimension points (5,592,405
         * at 384), whatever this says; 0 means only that bound.
         */
        @WithDefault("5000000")
        long maxPoints();
    }

    /** The Qdrant server (gRPC port). */
    interface Qdrant {

        /** Host name of the Qdrant server. */
        @WithDefault("localhost")
        String host();

        /** Its gRPC port (6334 by default; the REST port 6333 is not used). */
        @WithDefault("6334")
        int port();

        /** API key sent with every call; none by default (environment {@code QDRANT_API_KEY}). */
        Optional<String> apiKey();

        /** Whether the gRPC channel uses TLS. */
        @WithDefault("false")
        boolean useTls();

        /** Deadline of each call. */
        @WithDefault("30s")
        Duration timeout();
    }
}
