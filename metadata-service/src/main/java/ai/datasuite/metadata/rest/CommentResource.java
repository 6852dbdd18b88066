package ai.datasuite.metadata.rest;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.identity.Caller;
import ai.datasuite.metadata.comment.ClaimRequest;
import ai.datasuite.metadata.comment.ClaimView;
import ai.datasuite.metadata.comment.Comment;
import ai.datasuite.metadata.comment.CommentCreateRequest;
import ai.datasuite.metadata.comment.CommentQuery;
import ai.datasuite.metadata.comment.CommentService;
import ai.datasuite.metadata.comment.CommentStatsView;
import ai.datasuite.metadata.comment.CommentView;
import ai.datasuite.metadata.comment.LabelRequest;
import ai.datasuite.metadata.comment.ResultsRequest;
import ai.datasuite.metadata.comment.ResultsView;
import ai.datasuite.metadata.comment.TimeBounds;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * Comments and their emotion labels; internal: inference-service is the only caller, for its user (a re-signed
 * identity) or, for the batch job, as itself. A user writes and reads their own comments; annotators (and admins)
 * read everyone's and label them.
 */
@Path("/api/v1/comments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Comments", description = "User comments, predicted and true emotion labels, the batch job's leases")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
public class CommentResource {

    static final String COMMENT_VIEW_EXAMPLE = """
            {"num": 42, "comments": "I can't believe this actually worked!", "request_user": "alice",
             "request_time": "2026-11-26T10:15:30.123456Z", "status": "predicted", "prediction_result": "surprise",
             "prediction_score": 0.87, "model_version": "emotion-e5-v1", "predicted_at": "2026-11-26T10:15:31.004518Z",
             "true_label": "joy", "feedback": "Happy surprise, reads as joy", "labelled_by": "admin",
             "labelled_at": "2026-11-26T11:02:09.774100Z", "attempts": 0, "last_error": null}""";
    static final String PENDING_VIEW_EXAMPLE = """
            {"num": 43, "comments": "Why does this keep crashing?", "request_user": "bob",
             "request_time": "2026-11-26T10:16:02.500000Z", "status": "pending", "prediction_result": null,
             "prediction_score": null, "model_version": null, "predicted_at": null, "true_label": null,
             "feedback": null, "labelled_by": null, "labelled_at": null, "attempts": 0, "last_error": null}""";
    static final String VALIDATION_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "true_label must be one of anger, disgust, fear, joy, neutral, sadness, surprise",
             "errors": [{"field": "true_label",
                         "message": "must be one of anger, disgust, fear, joy, neutral, sadness, surprise"}]}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No comment 4242"}""";
    static final String STATS_EXAMPLE = """
            {"total": 4, "predicted": 3, "labelled": 3, "pending": 1, "failed": 0,
             "per_predicted_label": {"anger": 0, "disgust": 0, "fear": 0, "joy": 2, "neutral": 0, "sadness": 1,
                                     "surprise": 0},
             "per_true_label": {"anger": 0, "disgust": 0, "fear": 0, "joy": 1, "neutral": 0, "sadness": 2,
                                "surprise": 0},
             "mean_score": 0.8, "accuracy": 0.6666666666666666, "evaluated": 3,
             "per_label": {
               "anger": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0},
               "disgust": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0},
               "fear": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0},
               "joy": {"precision": 0.5, "recall": 1.0, "f1": 0.6666666666666666, "support": 1},
               "neutral": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0},
               "sadness": {"precision": 1.0, "recall": 0.5, "f1": 0.6666666666666666, "support": 2},
               "surprise": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}},
             "macro_f1": 0.6666666666666666,
             "confusion": {"labels": ["anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"],
               "matrix": [[0,0,0,0,0,0,0],[0,0,0,0,0,0,0],[0,0,0,0,0,0,0],[0,0,0,1,0,0,0],[0,0,0,0,0,0,0],
                          [0,0,0,1,0,1,0],[0,0,0,0,0,0,0]]},
             "volume_per_day": [{"day": "2026-11-25", "count": 1}, {"day": "2026-11-26", "count": 3}]}""";

    static final String FORBIDDEN_USER_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "'username' names another user ('bob'); you may act only as 'alice'. Leave 'username' out to\
             use your own."}""";
    static final String FORBIDDEN_ROLE_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Labelling comments needs the annotator or admin role; your key has the role 'user'."}""";
    static final String INTERNAL_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Claiming comments for the batch job is internal to the suite; services call it, people do\
             not."}""";

    private final CommentService service;
    private final Caller caller;

    public CommentResource(CommentService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Store a comment",
            description = "Stored exactly as given, status pending; with a prediction (made at once by"
                    + " inference-service) it is stored as predicted. The author is the caller when username is left"
                    + " out; naming another user needs admin.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommentCreateRequest.class),
            examples = {
                @ExampleObject(name = "pending", value = """
                        {"comment": "Why does this keep crashing?"}"""),
                @ExampleObject(name = "predicted", value = """
                        {"username": "alice", "comment": "I can't believe this actually worked!",
                         "prediction": {"label": "surprise", "score": 0.87, "model_version": "emotion-e5-v1"}}""")}))
    @APIResponse(responseCode = "201", description = "Stored; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommentView.class),
                    examples = @ExampleObject(name = "pending", value = PENDING_VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Blank or too long (5000) comment, bad username (at most 150,"
            + " no control characters), unknown label, score outside 0..1, missing fields, wrong JSON types",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "comment must not be blank",
                             "errors": [{"field": "comment", "message": "must not be blank"}]}""")))
    @APIResponse(responseCode = "403", description = "username names another user (not an admin)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "foreign-user", value = FORBIDDEN_USER_EXAMPLE)))
    public Response create(@Valid @NotNull CommentCreateRequest body, UriInfo uriInfo) {
        CommentView created = service.create(body, caller.ownerFor(body.username(), "username"));
        URI location = uriInfo.getAbsolutePathBuilder().path(Long.toString(created.num())).build();
        return Response.created(location).entity(created).build();
    }

    @GET
    @Operation(summary = "List comments", description = "Newest first (num descending); every filter is optional."
            + " Annotators and admins list everyone's comments (user filters by author); a user lists only their own"
            + " (user left out or their own).")
    @APIResponse(responseCode = "200", description = "One page of comments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommentPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + PENDING_VIEW_EXAMPLE + ", "
                            + COMMENT_VIEW_EXAMPLE + "], \"page\": 0, \"size\": 50, \"total\": 2}")))
    @APIResponse(responseCode = "400", description = "Unknown label or status, labelled not true/false, bad"
            + " from/to, from after to, page < 0, size outside 1..500",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "from must be an ISO instant (2026-11-26T10:15:30Z) or a date\
                             (2026-11-26), not 'yesterday'", "errors": [{"field": "from", "message": "must be an ISO\
                             instant (2026-11-26T10:15:30Z) or a date (2026-11-26), not 'yesterday'"}]}""")))
    @APIResponse(responseCode = "403", description = "A user (not an annotator) names another user",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public PageView<CommentView> list(
            @QueryParam("user") @Parameter(description = "Exact username (a plain user: only their own)") String user,
            @QueryParam("predicted_label") @Pattern(regexp = Comment.LABEL_PATTERN, message = Comment.LABEL_MESSAGE)
            String predictedLabel,
            @QueryParam("true_label") @Pattern(regexp = Comment.LABEL_PATTERN, message = Comment.LABEL_MESSAGE)
            String trueLabel,
            @QueryParam("labelled") @Parameter(description = "true: has a true label; false: has none")
            String labelled,
            @QueryParam("status") @Pattern(regexp = Comment.STATUS_PATTERN,
                    message = "must be one of pending, predicted, failed") String status,
            @QueryParam("from") @Parameter(description = "ISO instant, or a date = the start of that UTC day",
                    example = "2026-11-26") String from,
            @QueryParam("to") @Parameter(description = "ISO instant, or a date = the end of that UTC day (inclusive)",
                    example = "2026-11-26T23:59:59Z") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        String author = caller.isAnnotator() ? user : caller.ownerFor(user, "user");
        return service.list(new CommentQuery(author, predictedLabel, trueLabel, QueryFlags.parse("labelled", labelled), status,
                TimeBounds.from(from), TimeBounds.to(to)), page, size);
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Statistics of comments and labels",
            description = "Over comments whose request_time is in [from, to] (both optional; a date means the whole"
                    + " UTC day). Every per-label map has all seven labels. accuracy, per_label, macro_f1 and the"
                    + " confusion matrix (rows = true label, columns = predicted label) use the rows that have both"
                    + " labels (evaluated). A precision, recall or F1 whose denominator is 0 is 0.0; accuracy,"
                    + " macro_f1 and mean_score are null when there is nothing to average. volume_per_day counts"
                    + " comments per UTC day, days without comments left out.")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommentStatsView.class),
                    examples = @ExampleObject(name = "stats", value = STATS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Bad from/to, or from after to",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public CommentStatsView stats(
            @QueryParam("from") @Parameter(description = "ISO instant or date (start of that UTC day)") String from,
            @QueryParam("to") @Parameter(description = "ISO instant or date (end of that UTC day)") String to) {
        return service.stats(TimeBounds.from(from), TimeBounds.to(to));
    }

    @GET
    @Path("/{num}")
    @Operation(summary = "Get one comment", description = "A user gets only their own comments (another user's"
            + " answers 404, as an unknown num does); annotators and admins get any.")
    @APIResponse(responseCode = "200", description = "The comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommentView.class),
                    examples = @ExampleObject(name = "comment", value = COMMENT_VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown num, or (for a user) another user's comment",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public CommentView get(@PathParam("num") long num) {
        return service.find(num)
                .filter(comment -> caller.isAnnotator() || caller.id().equals(comment.requestUser()))
                .orElseThrow(() -> notFound(num));
    }

    @PUT
    @Path("/{num}/label")
    @Operation(summary = "Set the true label", description = "An annotator's (or admin's) label and feedback;"
            + " labelled_by = the caller, labelled_at = now. Labelling again replaces the earlier label.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LabelRequest.class),
            examples = @ExampleObject(name = "label", value = """
                    {"true_label": "joy", "feedback": "Happy surprise, reads as joy"}""")))
    @APIResponse(responseCode = "200", description = "The labelled comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommentView.class),
                    examples = @ExampleObject(name = "comment", value = COMMENT_VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unknown label, feedback over 2000",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not an annotator or admin, or labelled_by names someone else",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "role", value = FORBIDDEN_ROLE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown num",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public CommentView label(@PathParam("num") long num, @Valid @NotNull LabelRequest body) {
        caller.requireAnnotator("Labelling comments");
        // The label is recorded as the caller's: a body naming anyone else (even for an admin) would forge the record.
        if (body.labelledBy() != null && !body.labelledBy().equals(caller.id())) {
            throw new ProblemException(403, ProblemException.FORBIDDEN, "Forbidden", "'labelled_by' names someone"
                    + " else ('" + body.labelledBy() + "'); a label is recorded as yours ('" + caller.id()
                    + "'). Leave 'labelled_by' out.");
        }
        return service.label(num, body, caller.id()).orElseThrow(() -> notFound(num));
    }

    @POST
    @Path("/claims")
    @Operation(summary = "Claim pending comments under a lease (batch job)",
            description = "Leases up to limit comments that are pending, have fewer than max_attempts attempts and"
                    + " no live lease, oldest first, to worker until lease_until. Concurrent claimers never get the"
                    + " same comment: SELECT ... FOR UPDATE SKIP LOCKED (READPAST on SQL Server) plus a conditional"
                    + " UPDATE. An expired lease can be claimed again. Internal: the batch job (a service) calls it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClaimRequest.class),
            examples = @ExampleObject(name = "claim", value = """
                    {"worker": "inference-1f3a", "limit": 64, "lease_seconds": 300, "max_attempts": 3}""")))
    @APIResponse(responseCode = "200", description = "The leased comments (possibly none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClaimView.class),
                    examples = @ExampleObject(name = "claimed", value = """
                            {"lease_until": "2026-11-26T10:20:30.123456Z",
                             "claimed": [{"num": 43, "comments": "Why does this keep crashing?", "attempts": 0},
                                         {"num": 44, "comments": "Best day ever", "attempts": 1}]}""")))
    @APIResponse(responseCode = "400", description = "Missing worker, limit outside 1..500, lease_seconds outside"
            + " 1..3600, max_attempts outside 1..100",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "limit must be less than or equal to 500",
                             "errors": [{"field": "limit", "message": "must be less than or equal to 500"}]}""")))
    @APIResponse(responseCode = "403", description = "Not a service",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "internal", value = INTERNAL_EXAMPLE)))
    public ClaimView claim(@Valid @NotNull ClaimRequest body) {
        caller.requireService("Claiming comments for the batch job");
        return service.claim(body);
    }

    @POST
    @Path("/results")
    @Operation(summary = "Write back a worker's predictions and failures (batch job)",
            description = "A prediction is written only if the comment is still unpredicted and leased to this"
                    + " worker; it clears the lease and sets predicted_at. A failure (same condition) clears the"
                    + " lease, increments attempts, stores last_error (first 500 characters) and makes the comment"
                    + " failed when attempts reach the max_attempts of its claim. written counts the predictions"
                    + " written; rejected lists the nums (of predictions or failures) not applied. Internal: the batch"
                    + " job (a service) calls it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResultsRequest.class),
            examples = @ExampleObject(name = "results", value = """
                    {"worker": "inference-1f3a",
                     "predictions": [{"num": 43, "label": "anger", "score": 0.64, "model_version": "emotion-e5-v1"}],
                     "failures": [{"num": 44, "error": "ONNX Runtime: input too long"}]}""")))
    @APIResponse(responseCode = "200", description = "What was applied",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResultsView.class),
                    examples = @ExampleObject(name = "outcome", value = "{\"written\": 1, \"rejected\": [44]}")))
    @APIResponse(responseCode = "400", description = "Missing worker or num, unknown label, score outside 0..1,"
            + " more than 500 predictions or failures",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "predictions[0].label must be one of anger, disgust, fear,\
                             joy, neutral, sadness, surprise", "errors": [{"field": "predictions[0].label",
                             "message": "must be one of anger, disgust, fear, joy, neutral, sadness, surprise"}]}""")))
    @APIResponse(responseCode = "403", description = "Not a service",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public ResultsView results(@Valid @NotNull ResultsRequest body) {
        caller.requireService("Writing the batch job's results");
        return service.results(body);
    }

    private static ProblemException notFound(long num) {
        return ProblemException.notFound("No comment " + num);
    }

    /** {@code PageView<CommentView>} under a name, for the OpenAPI document (@Schema cannot name a generic type). */
    @Schema(name = "CommentPage", description = "One page of comments")
    record CommentPage(List<CommentView> items, int page, int size, long total) {
    }
}
