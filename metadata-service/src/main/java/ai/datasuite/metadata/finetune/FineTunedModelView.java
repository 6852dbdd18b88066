package ai.datasuite.metadata.finetune;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The model a user's chats should use: the result of their most recent succeeded fine-tune job. */
@Schema(name = "FineTunedModel")
public record FineTunedModelView(String owner, String model) {
}
