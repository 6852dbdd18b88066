package ai.datasuite.inference.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the built-in emotion model is (re)trained; environment variables map as usual ({@code INFERENCE_TRAINING_...}). */
@ConfigMapping(prefix = "inference.training")
public interface TrainingConfig {

    /** Folder of the GoEmotions dataset (train.tsv, dev.tsv, emotions.txt, ekman_mapping.json), relative to the working directory. */
    @WithDefault("../shared/datasets/goemotions")
    String goemotionsDir();

    /** Use at most this many train.tsv rows (the first ones; 0 = all). For fast tests only: fewer rows, a weaker model. */
    @WithDefault("0")
    int maxTrainRows();

    /** Evaluate on at most this many dev.tsv rows (the first ones; 0 = all 4,946). For fast tests only. */
    @WithDefault("0")
    int maxDevRows();

    /** ONNX Runtime intra-op threads while embedding and evaluating. */
    @WithDefault("2")
    int intraOpThreads();
}
