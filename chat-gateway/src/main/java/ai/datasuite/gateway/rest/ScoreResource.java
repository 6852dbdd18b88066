package ai.datasuite.gateway.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import ai.datasuite.gateway.evaluation.score.QuestionScorer;
import ai.datasuite.gateway.evaluation.score.Score;
import ai.datasuite.gateway.evaluation.score.ScoreConfig;
import ai.datasuite.gateway.evaluation.score.ScoreRequest;
import ai.datasuite.problem.Problems;

/** GAIA's scorer for anyone with a key: score your own model's answers exactly as the evaluation runs do. */
@Path("/api/v1/evaluations/score")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// The tag's description is the evaluations resource's; this endpoint joins it.
@Tag(name = "Evaluations")
public class ScoreResource {

    static final String NUMBER_REQUEST = "{\"model_answer\": \"$89,706\", \"ground_truth\": \"89706\"}";
    static final String NUMBER_SCORE = """
            {"correct": true, "kind": "number", "normalized_answer": "89706.0", "normalized_truth": "89706.0",
             "elements": []}""";
    static final String LIST_REQUEST = "{\"model_answer\": \"St. Louis; 3, owl\", \"ground_truth\": \"st. louis, 3,"
            + " Owl\"}";
    static final String LIST_SCORE = """
            {"correct": true, "kind": "list", "normalized_answer": "st.louis,3.0,owl",
             "normalized_truth": "st.louis,3.0,owl",
             "elements": [{"answer": "st.louis", "truth": "st.louis", "kind": "string", "correct": true},
                          {"answer": "3.0", "truth": "3.0", "kind": "number", "correct": true},
                          {"answer": "owl", "truth": "owl", "kind": "string", "correct": true}]}""";
    static final String STRING_REQUEST = "{\"model_answer\": \"Sea gull!\", \"ground_truth\": \"seagull\"}";
    static final String STRING_SCORE = """
            {"correct": true, "kind": "string", "normalized_answer": "seagull", "normalized_truth": "seagull",
             "elements": []}""";
    static final String VALIDATION_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "ground_truth is required (a string; it may be empty)",
             "errors": [{"field": "ground_truth", "message": "is required (a string; it may be empty)"}]}""";

    private final ScoreConfig config;

    public ScoreResource(ScoreConfig config) {
        this.config = config;
    }

    @POST
    @Operation(summary = "Score an answer as GAIA does", description = "GAIA's official question_scorer: a ground"
            + " truth that Python's float() reads compares as a number after $, % and , are removed from the answer"
            + " (an answer that is no number counts as inf, so it matches only the ground truth inf, as in the"
            + " official code); a ground truth with , or ; is a list of as many elements, each compared as a number"
            + " or as lower-case text without white space; anything else compares as lower-case text without white"
            + " space and ASCII punctuation. model_answer null is the text \"None\". Any key may use it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScoreRequest.class), examples = {
                    @ExampleObject(name = "number", value = NUMBER_REQUEST),
                    @ExampleObject(name = "list", value = LIST_REQUEST),
                    @ExampleObject(name = "string", value = STRING_REQUEST)}))
    @APIResponse(responseCode = "200", description = "The verdict, the kind of comparison and both sides as compared",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Score.class),
                    examples = {
                            @ExampleObject(name = "number", value = NUMBER_SCORE),
                            @ExampleObject(name = "list", value = LIST_SCORE),
                            @ExampleObject(name = "string", value = STRING_SCORE)}))
    @APIResponse(responseCode = "400", description = "ground_truth missing, a field that is not a string, a field"
            + " longer than gateway.evaluations.score.max-chars (10000), or a body that is not a JSON object",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "no ground truth", value = VALIDATION_EXAMPLE)))
    public Score score(JsonNode body) {
        ScoreRequest request = ScoreRequest.read(body, config.maxChars());
        return QuestionScorer.score(request.modelAnswer(), request.groundTruth());
    }
}
