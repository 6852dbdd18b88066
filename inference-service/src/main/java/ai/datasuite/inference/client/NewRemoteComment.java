package ai.datasuite.inference.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of metadata-service's {@code POST /api/v1/comments}; without a prediction the row is stored pending. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewRemoteComment(String username, String comment, Prediction prediction) {

    /** A prediction made before the row exists ({@code ?predict=now}); stored in the same insert. */
    public record Prediction(String label, double score, String modelVersion) {
    }
}
