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

    /** Limits of what one comment request may carry. */
    Limits limits();

    /** Request limits (each named in the 400 that enforces it). */
    interface Limits {

        /**
         * Most characters (code points) in one comment; metadata-service stores at most 5000, so a larger value only
         * moves its refusal there.
         */
        @WithDefault("5000")
        int maxChars();

        /** Most characters (code points) of an annotator's feedback; metadata-service stores at most 2000. */
        @WithDefault("2000")
        int maxFeedbackChars();

        /** Most comments on one page of {@code GET /api/v1/comments} ({@code size}). */
        @WithDefault("500")
        int maxPageSize();
    }

    /** PNG charts of the statistics. */
    interface Chart {

        /** Width in pixels when the request does not say. */
        @WithDefault("900")
        int width();

        /** Height in pixels when the request does not say. */
        @WithDefault("600")
        int height();

        /** Largest width in pixels a request may ask for; the PNG is drawn in memory, so this bounds its cost. */
        @WithDefault("1600")
        int maxWidth();

        /** Largest height in pixels a request may ask for. */
        @WithDefault("1200")
        int maxHeight();
    }
}
