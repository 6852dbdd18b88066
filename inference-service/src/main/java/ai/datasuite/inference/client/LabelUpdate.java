package ai.datasuite.inference.client;

/** Body of metadata-service's {@code PUT /api/v1/comments/{num}/label}. */
public record LabelUpdate(String trueLabel, String feedback, String labelledBy) {
}
