package ai.datasuite.gateway.llm;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.gateway.config.LlmConfig;
import ai.datasuite.gateway.finetune.FineTunedModels;

/** Which model answers a user's chat: their fine-tuned model when they have one, else {@code gateway.llm.model}. */
@ApplicationScoped
public class ModelChoice {

    private final LlmConfig config;
    private final FineTunedModels fineTuned;

    public ModelChoice(LlmConfig config, FineTunedModels fineTuned) {
        this.config = config;
        this.fineTuned = fineTuned;
    }

    public String modelFor(String user) {
        return fineTuned.of(user).orElse(config.model());
    }
}
