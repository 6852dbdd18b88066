package ai.datasuite.inference.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The comment API under {@code inference.comments.}. */
@ConfigMapping(prefix = "inference.comments")
public interface CommentsConfig {

    /** The model of {@code POST /api/v1/comments?predict=now}. */
    @WithDefault("emotion")
    String modelId();

    Chart chart();

    /** PNG charts of the statistics. */
    interface Chart {

        /** Width in pixels when the request does not say. */
        @WithDefault("900")
        int width();

        /** Height in pixels when the request does not say. */
        @WithDefault("600")
        int height();
    }
}
