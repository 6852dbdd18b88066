package ai.datasuite.retrieval.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Names one saved model ({@code load_model}, {@code unload_model}). */
public record ModelIdRequest(@Schema(description = "Saved model id", example = "squad-tfidf-bigrams") String modelId) {
}
