package ai.datasuite.inference.rest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.inference.serving.PredictRequest;
import ai.datasuite.inference.serving.PredictResponse;
import ai.datasuite.inference.serving.PredictionService;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

@Path("/api/v1/predict")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Prediction", description = "Text classification with a loaded model")
public class PredictResource {

    private static final String REQUEST_EXAMPLE = """
            {"texts": ["I can't believe you did this, I'm furious", "What a lovely surprise!"], "top_k": 3}""";
    private static final String RESPONSE_EXAMPLE = """
            {"model": "emotion", "model_version": "v1", "predictions": [
              {"label": "anger", "score": 0.91, "ranked": [{"label": "anger", "score": 0.91},
               {"label": "disgust", "score": 0.05}, {"label": "sadness", "score": 0.02}]},
              {"label": "surprise", "score": 0.64, "ranked": [{"label": "surprise", "score": 0.64},
               {"label": "joy", "score": 0.33}, {"label": "neutral", "score": 0.02}]}]}""";
    private static final String BLANK_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "texts[1] is empty or blank; every text needs some content", "index": 1,
             "errors": [{"field": "texts[1]", "message": "must not be blank"}]}""";
    private static final String UTF8_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "The body is not valid UTF-8 (malformed byte at offset 14); the body must be UTF-8 encoded JSON",
             "offset": 14}""";
    private static final String TOO_MANY_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:payload-too-large", "title": "Too many texts", "status": 413,
             "detail": "65 texts in one request; at most 64 are accepted (limit inference.serving.limits.max-texts = 64)",
             "max_texts": 64, "texts": 65, "limit": "inference.serving.limits.max-texts", "limit_value": 64}""";
    private static final String UNKNOWN_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No model 'sentiment'; GET /api/v1/classifiers lists the models"}""";
    private static final String UNLOADED_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:conflict", "title": "Model not loaded", "status": 409,
             "detail": "Model 'emotion' is not loaded; POST /api/v1/classifiers/emotion/load to load it",
             "model": "emotion"}""";
    private static final String UNSUPPORTED_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:unsupported-media-type", "title": "Unsupported media type",
             "status": 415, "detail": "This content type is not accepted here; the API is described at /q/openapi with\
             the content types each endpoint takes"}""";

    private final PredictionService service;
    private final ObjectMapper json;

    public PredictResource(PredictionService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Classify texts",
            description = "One prediction per text, in order. top_k (0 to the number of labels, default 0) adds the"
                    + " top-k labels ranked by probability; model defaults to the configured default model."
                    + " Concurrent requests to one model are merged into shared session runs.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PredictRequest.class),
            examples = @ExampleObject(name = "two-texts", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Predictions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PredictResponse.class),
                    examples = @ExampleObject(name = "predictions", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No texts, a blank text or one over the length limit (the"
            + " detail names its index), top_k out of range, malformed JSON, or a body that is not UTF-8",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "blank-text", value = BLANK_EXAMPLE),
                    @ExampleObject(name = "not-utf8", value = UTF8_EXAMPLE)}))
    @APIResponse(responseCode = "404", description = "Unknown model",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown-model", value = UNKNOWN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The model is not loaded",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unloaded", value = UNLOADED_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "More texts than the configured limit",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "too-many", value = TOO_MANY_EXAMPLE)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unsupported", value = UNSUPPORTED_EXAMPLE)))
    public Uni<PredictResponse> predict(byte[] body) throws IOException {
        // A Uni: this runs on the event loop, and the model's dispatcher thread runs the model. A worker thread in
        // between cost a lone predict two more thread wake-ups (and the answer's write a third) on two cores.
        PredictRequest request = parse(body);
        String model = request.model() == null || request.model().isBlank()
                ? service.defaultModel() : request.model();
        int topK = request.topK() == null ? 0 : request.topK();
        return service.classifyWithoutBlocking(model, request.texts(), topK)
                .map(predictions -> Uni.createFrom().completionStage(predictions))
                // The model is still being registered or loaded: wait for it on a worker thread, not here.
                .orElseGet(() -> Uni.createFrom().item(() -> service.classify(model, request.texts(), topK))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .map(predictions -> new PredictResponse(model, predictions.get(0).modelVersion(), predictions.stream()
                        .map(p -> new PredictResponse.PredictionView(p.label(), p.score(), p.ranked()))
                        .toList()));
    }

    /** Decodes strictly: Jackson would otherwise turn some malformed bytes into a vague parse error. */
    private PredictRequest parse(byte[] body) throws IOException {
        String text;
        ByteBuffer bytes = ByteBuffer.wrap(body == null ? new byte[0] : body);
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            // The decoder leaves the buffer at the first malformed byte.
            throw ProblemException.validation("The body is not valid UTF-8 (malformed byte at offset "
                    + bytes.position() + "); the body must be UTF-8 encoded JSON", Map.of("offset", bytes.position()));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw ProblemException.validation("The body is empty; send {\"texts\": [\"...\"]}", null);
        }
        PredictRequest request = json.readValue(text, PredictRequest.class);
        if (request == null) {
            throw ProblemException.validation("The body must be a JSON object with texts", null);
        }
        return request;
    }
}
