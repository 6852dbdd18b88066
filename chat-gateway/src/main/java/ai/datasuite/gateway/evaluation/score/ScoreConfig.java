package ai.datasuite.gateway.evaluation.score;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The limits of {@code POST /api/v1/evaluations/score}. */
@ConfigMapping(prefix = "gateway.evaluations.score")
public interface ScoreConfig {

    /** The longest model_answer and ground_truth, each, in characters (400 above it). GAIA's answers are short. */
    @WithDefault("10000")
    int maxChars();
}
