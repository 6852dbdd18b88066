package ai.datasuite.retrieval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** General item collections ({@code /api/v1/collections}), under {@code retrieval.collections.}. */
@ConfigMapping(prefix = "retrieval.collections")
public interface CollectionsConfig {

    String PREFIX = "retrieval.collections.";

    /** Where the registry (one JSON file per collection: name, owner, created_at, version) lives. */
    String dir();

    /** Prefix of each collection's own vector-store collection ({@code items-<name>}). */
    @WithDefault("items-")
    String storePrefix();

    /** Items one upsert may carry (413 naming this key past it). */
    @WithDefault("512")
    int maxItemsPerRequest();

    /** Characters of an item's text or a search text (e5 reads 512 tokens; longer text is not seen). */
    @WithDefault("10000")
    int maxTextChars();

    /** Characters of an item id. */
    @WithDefault("200")
    int maxIdChars();

    /** Largest {@code k} of similar and search. */
    @WithDefault("100")
    int maxK();

    Projection projection();

    WordMap wordMap();

    /** t-SNE projections of a collection's item vectors. */
    interface Projection {

        /** Points one projection may have; larger collections are sampled down to it (seeded). */
        @WithDefault("3000")
        int maxPoints();

        /** Gradient steps of t-SNE (the first 250 with early exaggeration). */
        @WithDefault("750")
        int iterations();

        /** Projections kept in memory (per collection, its version and the parameters), least recently used out. */
        @WithDefault("16")
        int cacheSize();

        /** PNG size in pixels. */
        @WithDefault("1000")
        int width();

        @WithDefault("800")
        int height();
    }

    /** The map of a collection's most frequent words. */
    interface WordMap {

        /** Words one map may have. */
        @WithDefault("500")
        int maxWords();
    }
}
