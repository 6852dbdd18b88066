package ai.datasuite.inference.rest;

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

import ai.datasuite.inference.classify.ClassifyChecks;
import ai.datasuite.inference.classify.ClassifyResponse;
import ai.datasuite.inference.classify.FewShotClassifier;
import ai.datasuite.inference.classify.FewShotRequest;
import ai.datasuite.inference.classify.ZeroShotClassifier;
import ai.datasuite.inference.classify.ZeroShotRequest;
import ai.datasuite.problem.Problems;

/**
 * Zero-shot and few-shot classification of arbitrary texts into caller-given labels on the e5 encoder; any role. The
 * answer depends only on the request, so there is nothing per user to scope.
 */
@Path("/api/v1/classify")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Classify", description = "Zero-shot and few-shot text classification with e5-small-v2 embeddings")
public class ClassifyResource {

    private static final String ZERO_SHOT_EXAMPLE = """
            {"texts": ["Mauve Leather Daypack. This stylish mauve leather daypack combines elegance with functionality."],
             "labels": ["apparel", "accessories", "footwear"],
             "label_descriptions": {"apparel": "apparel: clothing such as shirts, dresses and jackets",
               "accessories": ["accessories: backpack", "accessories: handbag", "accessories: wallet"]},
             "top_k": 3}""";
    private static final String ZERO_SHOT_RESPONSE = """
            {"mode": "zero-shot", "model": "e5-small-v2", "model_version": "e5-small-v2-q/zero-shot@3f9a1c2e",
             "results": [{"label": "accessories", "score": 0.83, "ranked": [{"label": "accessories", "score": 0.83},
               {"label": "apparel", "score": 0.12}, {"label": "footwear", "score": 0.05}]}]}""";
    private static final String FEW_SHOT_EXAMPLE = """
            {"texts": ["Trail Runner Sneakers. Lightweight mesh sneakers with a grippy sole."],
             "examples": [{"text": "Classic Leather Boots. Sturdy boots for every season.", "label": "footwear"},
               {"text": "Linen Summer Shirt. A breezy shirt for warm days.", "label": "apparel"}],
             "top_k": 2}""";
    private static final String FEW_SHOT_RESPONSE = """
            {"mode": "few-shot", "model": "e5-small-v2", "model_version": "e5-small-v2-q/logreg@91b0d3aa",
             "results": [{"label": "footwear", "score": 0.71, "ranked": [{"label": "footwear", "score": 0.71},
               {"label": "apparel", "score": 0.29}]}]}""";
    private static final String ONE_LABEL = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "labels needs at least two labels to choose from; 1 was sent",
             "errors": [{"field": "labels", "message": "labels needs at least two labels to choose from; 1 was sent"}]}""";
    private static final String ONE_EXAMPLE_LABEL = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "the examples carry 1 distinct label; a few-shot head needs examples of at least two labels",
             "errors": [{"field": "examples", "message": "the examples carry 1 distinct label; a few-shot head needs\
             examples of at least two labels"}]}""";
    private static final String TOO_LONG = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "texts[0] has 10001 characters; at most 10000 are accepted (limit inference.classify.max-text-chars = 10000)",
             "field": "texts[0]", "chars": 10001, "limit": "inference.classify.max-text-chars", "limit_value": 10000}""";
    private static final String TOO_MANY = """
            {"type": "urn:ai-data-suite:problem:payload-too-large", "title": "Too many texts", "status": 413,
             "detail": "257 texts in one request; at most 256 are accepted (limit inference.classify.max-texts = 256)",
             "texts": 257, "limit": "inference.classify.max-texts", "limit_value": 256}""";
    private static final String TOO_MANY_EXAMPLES = """
            {"type": "urn:ai-data-suite:problem:payload-too-large", "title": "Too many examples", "status": 413,
             "detail": "5001 examples in one request; at most 5000 are accepted (limit inference.classify.max-examples = 5000)",
             "examples": 5001, "limit": "inference.classify.max-examples", "limit_value": 5000}""";

    private final ZeroShotClassifier zeroShot;
    private final FewShotClassifier fewShot;
    private final ClassifyChecks checks;

    public ClassifyResource(ZeroShotClassifier zeroShot, FewShotClassifier fewShot, ClassifyChecks checks) {
        this.zeroShot = zeroShot;
        this.fewShot = fewShot;
        this.checks = checks;
    }

    @POST
    @Path("/zero-shot")
    @Operation(summary = "Zero-shot classification",
            description = "Ranks the labels for each text by e5 similarity (\"query: \" text against \"passage: \""
                    + " label texts). A label is its description(s) when given, else its name; with several"
                    + " descriptions the best match counts, so a dozen short ones (typical items) work better than one"
                    + " long list. Scores are a softmax over the labels (0..1); model_version changes with the labels"
                    + " and descriptions.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ZeroShotRequest.class),
            examples = @ExampleObject(name = "product", value = ZERO_SHOT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "One result per text, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClassifyResponse.class),
                    examples = @ExampleObject(name = "ranked", value = ZERO_SHOT_RESPONSE)))
    @APIResponse(responseCode = "400", description = "No texts, a blank or too long text, fewer than two labels,"
            + " duplicate labels, a description for an unknown label, top_k out of range, malformed JSON",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "one-label", value = ONE_LABEL),
                    @ExampleObject(name = "too-long", value = TOO_LONG)}))
    @APIResponse(responseCode = "413", description = "More texts or labels than the configured limits",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "too-many", value = TOO_MANY)))
    public ClassifyResponse zeroShot(ZeroShotRequest request) {
        ZeroShotRequest r = request == null ? new ZeroShotRequest(null, null, null, null) : request;
        checks.texts(r.texts());
        var descriptions = checks.labels(r.labels(), r.labelDescriptions());
        int topK = checks.topK(r.topK());
        return zeroShot.classify(r.texts(), r.labels(), descriptions, topK);
    }

    @POST
    @Path("/few-shot")
    @Operation(summary = "Few-shot classification",
            description = "Fits a logistic-regression head on the examples' e5 embeddings and word-piece TF-IDF (the"
                    + " distinct example labels, at least two, are the labels) and ranks them for each text. The head is"
                    + " cached by a hash of the examples, embeddings by a hash of the text; model_version names the"
                    + " head and the examples' hash.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FewShotRequest.class),
            examples = @ExampleObject(name = "two-labels", value = FEW_SHOT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "One result per text, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClassifyResponse.class),
                    examples = @ExampleObject(name = "ranked", value = FEW_SHOT_RESPONSE)))
    @APIResponse(responseCode = "400", description = "No texts, a blank or too long text or example, examples of"
            + " fewer than two labels, top_k out of range, malformed JSON",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "one-label", value = ONE_EXAMPLE_LABEL),
                    @ExampleObject(name = "too-long", value = TOO_LONG)}))
    @APIResponse(responseCode = "413", description = "More texts, examples or labels than the configured limits",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "too-many-texts", value = TOO_MANY),
                    @ExampleObject(name = "too-many-examples", value = TOO_MANY_EXAMPLES)}))
    public ClassifyResponse fewShot(FewShotRequest request) {
        FewShotRequest r = request == null ? new FewShotRequest(null, null, null) : request;
        checks.texts(r.texts());
        checks.examples(r.examples());
        int topK = checks.topK(r.topK());
        return fewShot.classify(r.texts(), r.examples(), topK);
    }
}
