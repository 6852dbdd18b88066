package ai.datasuite.inference.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import ai.datasuite.identity.Roles;
import ai.datasuite.inference.LimitProblem;
import ai.datasuite.inference.chart.ChartService;
import ai.datasuite.inference.client.CommentFilter;
import ai.datasuite.inference.client.RemoteStats;
import ai.datasuite.inference.comment.CommentPage;
import ai.datasuite.inference.comment.CommentService;
import ai.datasuite.inference.comment.CommentView;
import ai.datasuite.inference.comment.LabelRequest;
import ai.datasuite.inference.comment.NewComment;
import ai.datasuite.inference.config.CommentsConfig;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * Comments by author: a user posts, lists and reads their own; annotators and admins read everyone's and label them
 * (the owner rules are {@link CommentService}'s, the caller the verified token's).
 */
@Path("/api/v1/comments")
@Tag(name = "comments", description = "Comments, their emotion predictions, annotators' labels and statistics")
public class CommentResource {

    static final String COMMENT = """
            {"num": 42, "comments": "I love this new feature!", "request_user": "alice",
             "request_time": "2026-11-26T09:30:00Z", "status": "predicted", "prediction_result": "joy",
             "prediction_score": 0.93, "model_version": "emotion-1", "predicted_at": "2026-11-26T09:30:00Z",
             "true_label": null, "feedback": null, "labelled_by": null, "labelled_at": null, "attempts": 0,
             "last_error": null}""";
    static final String PENDING = """
            {"num": 43, "comments": "Where is my order?", "request_user": "bob",
             "request_time": "2026-11-26T09:31:00Z", "status": "pending", "prediction_result": null,
             "prediction_score": null, "model_version": null, "predicted_at": null, "true_label": null,
             "feedback": null, "labelled_by": null, "labelled_at": null, "attempts": 0, "last_error": null,
             "notice": "The comment was stored pending: the synchronous prediction with model 'emotion' failed (model 'emotion' is not loaded). The batch job will predict it."}""";
    static final String LABELLED = """
            {"num": 42, "comments": "I love this new feature!", "request_user": "alice",
             "request_time": "2026-11-26T09:30:00Z", "status": "predicted", "prediction_result": "joy",
             "prediction_score": 0.93, "model_version": "emotion-1", "predicted_at": "2026-11-26T09:30:00Z",
             "true_label": "joy", "feedback": "clearly happy", "labelled_by": "carol",
             "labelled_at": "2026-11-26T10:00:00Z", "attempts": 0, "last_error": null}""";
    static final String STATS = """
            {"total": 3, "predicted": 2, "labelled": 1, "pending": 1, "failed": 0,
             "per_predicted_label": {"anger": 0, "disgust": 0, "fear": 0, "joy": 2, "neutral": 0, "sadness": 0, "surprise": 0},
             "per_true_label": {"anger": 0, "disgust": 0, "fear": 0, "joy": 1, "neutral": 0, "sadness": 0, "surprise": 0},
             "mean_score": 0.9, "accuracy": 1.0, "evaluated": 1,
             "per_label": {"joy": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}}, "macro_f1": 1.0,
             "confusion": {"labels": ["anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"],
                           "matrix": [[0,0,0,0,0,0,0],[0,0,0,0,0,0,0],[0,0,0,0,0,0,0],[0,0,0,1,0,0,0],[0,0,0,0,0,0,0],[0,0,0,0,0,0,0],[0,0,0,0,0,0,0]]},
             "volume_per_day": [{"day": "2026-11-26", "count": 3}]}""";
    static final String VALIDATION = "{\"type\": \"urn:ai-data-suite:problem:validation\", \"title\": \"Invalid request\", \"status\": 400, \"detail\": \"true_label must be one of anger, disgust, fear, joy, neutral, sadness, surprise (lower case), not 'happy'\", \"allowed\": [\"anger\", \"disgust\", \"fear\", \"joy\", \"neutral\", \"sadness\", \"surprise\"]}";
    static final String NOT_FOUND = "{\"type\": \"urn:ai-data-suite:problem:not-found\", \"title\": \"Not found\", \"status\": 404, \"detail\": \"comment 4711 does not exist\"}";
    static final String UNAVAILABLE = "{\"type\": \"urn:ai-data-suite:problem:metadata-unavailable\", \"title\": \"metadata-service unavailable\", \"status\": 503, \"detail\": \"metadata-service is unavailable (connection refused). Start it (./suite start, or docker compose up -d metadata-service) and retry.\", \"retry_after_seconds\": 5}";
    static final String FORBIDDEN_ROLE = "{\"type\": \"urn:ai-data-suite:problem:forbidden\", \"title\": \"Forbidden\", \"status\": 403, \"detail\": \"Your role may not make this call; it needs another role (admin or annotator).\"}";
    static final String FORBIDDEN_USERNAME = "{\"type\": \"urn:ai-data-suite:problem:forbidden\", \"title\": \"Forbidden\", \"status\": 403, \"detail\": \"'username' names another user ('bob'); you may act only as 'alice'. Leave 'username' out to use your own.\"}";
    static final String FORBIDDEN_USER = "{\"type\": \"urn:ai-data-suite:problem:forbidden\", \"title\": \"Forbidden\", \"status\": 403, \"detail\": \"'user' names another user ('bob'); you may act only as 'alice'. Leave 'user' out to use your own.\"}";

    static final int MIN_PIXELS = 200;

    private final CommentService comments;
    private final ChartService charts;
    private final CommentsConfig config;

    public CommentResource(CommentService comments, ChartService charts, CommentsConfig config) {
        this.comments = comments;
        this.charts = charts;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a comment",
            description = "Stores the comment in metadata-service, written by the caller (an admin may name another "
                    + "`username`; anyone else who does gets 403). With `?predict=now` it is classified first and "
                    + "stored with its prediction; if the model cannot predict it now (unloaded, say) the comment is "
                    + "still stored, pending, with a `notice`. Without it the comment is stored pending and the "
                    + "batch job predicts it.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewComment.class), examples = {
            @ExampleObject(name = "own comment", value = "{\"comment\": \"I love this new feature!\"}"),
            @ExampleObject(name = "an admin posting for alice", value = "{\"username\": \"alice\", \"comment\": \"I love this new feature!\"}")}))
    @APIResponse(responseCode = "201", description = "Stored; Location names the comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "predicted", value = COMMENT),
                    @ExampleObject(name = "deferred", value = PENDING)}))
    @APIResponse(responseCode = "400", description = "Missing or invalid username/comment, or predict other than now",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "validation",
                    value = "{\"type\": \"urn:ai-data-suite:problem:validation\", \"title\": \"Invalid request\", \"status\": 400, \"detail\": \"comment must not be blank\", \"errors\": [{\"field\": \"comment\", \"message\": \"must not be blank\"}]}")))
    @APIResponse(responseCode = "403", description = "username names someone else and the caller is not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = FORBIDDEN_USERNAME)))
    @APIResponse(responseCode = "503", description = "metadata-service is unavailable; nothing was stored",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "metadata-unavailable", value = UNAVAILABLE)))
    public Response create(@NotNull @Valid NewComment comment,
                           @Parameter(description = "`now` to classify before storing", example = "now")
                           @RestQuery String predict) {
        boolean now = false;
        if (predict != null && !predict.isEmpty()) {
            if (!predict.equals("now")) {
                throw ProblemException.validation("predict must be 'now' or absent, not '" + predict + "'", null);
            }
            now = true;
        }
        CommentView created = comments.create(comment, now);
        return Response.created(URI.create("/api/v1/comments/" + created.num())).entity(created).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List comments", description = "Newest first; every filter is optional. `from`/`to` take an "
            + "ISO instant or a date and bound `request_time`. A user lists their own comments (`user` naming "
            + "anyone else is 403); annotators and admins list everyone's, or one author's with `user`.")
    @APIResponse(responseCode = "200", description = "A page of comments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page",
                    value = "{\"items\": [" + COMMENT + "], \"page\": 0, \"size\": 50, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "A filter or the paging is invalid",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "validation",
                    value = "{\"type\": \"urn:ai-data-suite:problem:validation\", \"title\": \"Invalid request\", \"status\": 400, \"detail\": \"status must be one of pending, predicted, failed, not 'done'\"}")))
    @APIResponse(responseCode = "403", description = "user names someone else and the caller is neither annotator nor admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = FORBIDDEN_USER)))
    @APIResponse(responseCode = "503", description = "metadata-service is unavailable",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "metadata-unavailable", value = UNAVAILABLE)))
    public CommentPage list(@Parameter(description = "the author; a user may name only themselves", example = "alice")
                            @RestQuery String user,
                            @Parameter(example = "joy") @RestQuery("predicted_label") String predictedLabel,
                            @Parameter(example = "joy") @RestQuery("true_label") String trueLabel,
                            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN), example = "false") @RestQuery String labelled,
                            @Parameter(schema = @Schema(enumeration = {"pending", "predicted", "failed"}), example = "predicted")
                            @RestQuery String status,
                            @Parameter(example = "2026-11-01") @RestQuery String from,
                            @Parameter(example = "2026-11-30T23:59:59Z") @RestQuery String to,
                            @Parameter(example = "0") @RestQuery String page,
                            @Parameter(example = "50") @RestQuery String size) {
        Boolean isLabelled = null;
        if (labelled != null && !labelled.isEmpty()) {
            if (!labelled.equals("true") && !labelled.equals("false")) {
                throw ProblemException.validation("labelled must be true or false, not '" + labelled + "'", null);
            }
            isLabelled = Boolean.valueOf(labelled);
        }
        return comments.list(new CommentFilter(blankToNull(user), blankToNull(predictedLabel), blankToNull(trueLabel),
                        isLabelled, blankToNull(status), blankToNull(from), blankToNull(to)),
                number("page", page, 0), number("size", size, 50));
    }

    @GET
    @Path("/{num}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a comment", description = "The caller's own comment; annotators and admins may read "
            + "anyone's. Another user's comment answers 404, as a missing one does.")
    @APIResponse(responseCode = "200", description = "The comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "comment", value = COMMENT)))
    @APIResponse(responseCode = "400", description = "num is not a positive whole number",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "validation",
                    value = "{\"type\": \"urn:ai-data-suite:problem:validation\", \"title\": \"Invalid request\", \"status\": 400, \"detail\": \"num must be a positive whole number, not 'abc'\"}")))
    @APIResponse(responseCode = "404", description = "No such comment, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public CommentView get(@Parameter(example = "42") @PathParam("num") String num) {
        return comments.get(num(num));
    }

    @PUT
    @Path("/{num}/label")
    // Refused before the body is read: a user's malformed label is 403, not 400.
    @RolesAllowed({Roles.ANNOTATOR, Roles.ADMIN, Roles.SERVICE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Label a comment (annotator)",
            description = "Records the true label (one of anger, disgust, fear, joy, neutral, sadness, surprise) and "
                    + "feedback; `labelled_by` is the caller. Needs the annotator or admin role; a `labelled_by` "
                    + "naming anyone else is 403.")
    @RequestBody(content = @Content(schema = @Schema(implementation = LabelRequest.class),
            examples = @ExampleObject(name = "label", value = "{\"true_label\": \"joy\", \"feedback\": \"clearly happy\"}")))
    @APIResponse(responseCode = "200", description = "The labelled comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "labelled", value = LABELLED)))
    @APIResponse(responseCode = "400", description = "A label outside the seven, or a malformed body",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "validation", value = VALIDATION)))
    @APIResponse(responseCode = "403", description = "The caller is neither annotator nor admin, or labelled_by names someone else",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "role", value = FORBIDDEN_ROLE),
                    @ExampleObject(name = "labelled_by", value = "{\"type\": \"urn:ai-data-suite:problem:forbidden\", \"title\": \"Forbidden\", \"status\": 403, \"detail\": \"'labelled_by' names another user ('dave'); the labeller is always the caller ('carol'). Leave 'labelled_by' out.\"}")}))
    @APIResponse(responseCode = "404", description = "No such comment",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public CommentView label(@Parameter(example = "42") @PathParam("num") String num,
                             @NotNull @Valid LabelRequest request) {
        return comments.label(num(num), request);
    }

    @GET
    @Path("/stats")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment statistics",
            description = "Counts per predicted and true label, accuracy and per-label precision/recall/F1 on rows "
                    + "with both labels, the confusion matrix (rows: true, columns: predicted), volume per day and "
                    + "the mean score, over comments whose request_time lies in [from, to].")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "stats", value = STATS)))
    @APIResponse(responseCode = "400", description = "from/to is not an ISO instant or date",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "validation",
                    value = "{\"type\": \"urn:ai-data-suite:problem:validation\", \"title\": \"Invalid request\", \"status\": 400, \"detail\": \"from must be an ISO instant (2026-11-26T10:00:00Z) or a date (2026-11-26), not 'yesterday'\"}")))
    @APIResponse(responseCode = "503", description = "metadata-service is unavailable",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "metadata-unavailable", value = UNAVAILABLE)))
    public RemoteStats stats(@Parameter(example = "2026-11-01") @RestQuery String from,
                             @Parameter(example = "2026-11-30") @RestQuery String to) {
        return comments.stats(blankToNull(from), blankToNull(to));
    }

    @GET
    @Path("/stats/chart")
    @Produces("image/png")
    @Operation(summary = "Statistics as a PNG chart",
            description = "`kind=distribution` (default): bars of predicted and true counts per label; "
                    + "`kind=confusion`: a heat map of the confusion matrix with the count in each cell.")
    @APIResponse(responseCode = "200", description = "The chart",
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "png", summary = "PNG bytes", value = "\\x89PNG...")))
    @APIResponse(responseCode = "400", description = "Unknown kind, bad size or bad from/to",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "validation",
                    value = "{\"type\": \"urn:ai-data-suite:problem:validation\", \"title\": \"Invalid request\", \"status\": 400, \"detail\": \"kind must be distribution or confusion, not 'pie'\"}")))
    @APIResponse(responseCode = "503", description = "metadata-service is unavailable",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "metadata-unavailable", value = UNAVAILABLE)))
    public Response chart(@Parameter(schema = @Schema(enumeration = {"distribution", "confusion"}), example = "confusion")
                          @RestQuery String kind,
                          @Parameter(example = "2026-11-01") @RestQuery String from,
                          @Parameter(example = "2026-11-30") @RestQuery String to,
                          @Parameter(description = "pixels, 200 to inference.comments.chart.max-width (1600)", example = "900") @RestQuery String width,
                          @Parameter(description = "pixels, 200 to inference.comments.chart.max-height (1200)", example = "600") @RestQuery String height) {
        String chartKind = kind == null || kind.isEmpty() ? "distribution" : kind;
        if (!chartKind.equals("distribution") && !chartKind.equals("confusion")) {
            throw ProblemException.validation("kind must be distribution or confusion, not '" + kind + "'", null);
        }
        int w = number("width", width, config.chart().width());
        int h = number("height", height, config.chart().height());
        requirePixels("width", w, config.chart().maxWidth(), "inference.comments.chart.max-width");
        requirePixels("height", h, config.chart().maxHeight(), "inference.comments.chart.max-height");
        RemoteStats stats = comments.stats(blankToNull(from), blankToNull(to));
        byte[] png = chartKind.equals("confusion") ? charts.confusion(stats, w, h) : charts.distribution(stats, w, h);
        return Response.ok(png, "image/png").header("Cache-Control", "no-store").build();
    }

    /** At least {@link #MIN_PIXELS} for a readable chart, at most the configured limit (the PNG is drawn in memory). */
    private static void requirePixels(String name, int value, int max, String key) {
        if (value < MIN_PIXELS) {
            throw ProblemException.validation(name + " must be at least " + MIN_PIXELS + " pixels, not " + value, null);
        }
        if (value > max) {
            throw LimitProblem.invalid(name + " must be at most " + max + " pixels, not " + value, key, max, null);
        }
    }

    private static long num(String raw) {
        try {
            long num = Long.parseLong(raw);
            if (num > 0) {
                return num;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.validation("num must be a positive whole number, not '" + raw + "'", null);
    }

    static int number(String name, String raw, int fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ProblemException.validation(name + " must be a whole number, not '" + raw + "'", null);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
