package ai.datasuite.metadata.rest;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.jboss.resteasy.reactive.RestResponse;

import ai.datasuite.identity.Caller;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.conversation.ConversationCreateRequest;
import ai.datasuite.metadata.conversation.ConversationDetailView;
import ai.datasuite.metadata.conversation.ConversationService;
import ai.datasuite.metadata.conversation.ConversationView;
import ai.datasuite.metadata.conversation.MessageCreateRequest;
import ai.datasuite.metadata.conversation.MessageView;
import ai.datasuite.metadata.conversation.RatedTurnService;
import ai.datasuite.metadata.conversation.RatedTurnView;
import ai.datasuite.metadata.conversation.RatingRequest;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * The chat memory of chat-gateway's /api/chat: a user's conversations and their messages. The gateway calls with the
 * person's identity; a user sees and changes only their own conversations (another user's answers 404, as an unknown
 * id does), an admin everyone's.
 */
@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Conversations", description = "Chat memory: conversations with the assistant and their messages")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
public class ConversationResource {

    static final String CONVERSATION_EXAMPLE = """
            {"id": "7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d", "owner": "alice", "title": "Emotion labels",
             "created_at": "2026-11-26T10:15:30.123456Z", "updated_at": "2026-11-26T10:16:02.654321Z"}""";
    static final String MESSAGE_EXAMPLE = """
            {"id": 42, "conversation_id": "7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d", "role": "assistant",
             "content": "The model labels each comment with one of six emotions.",
             "citations": [{"dataset_id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20", "row": 17, "score": 0.82}],
             "rating": null, "created_at": "2026-11-26T10:16:02.654321Z"}""";
    static final String DETAIL_EXAMPLE = """
            {"id": "7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d", "owner": "alice", "title": "Emotion labels",
             "created_at": "2026-11-26T10:15:30.123456Z", "updated_at": "2026-11-26T10:16:02.654321Z",
             "message_count": 1, "messages": [""" + MESSAGE_EXAMPLE + "]}";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No conversation 7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d"}""";
    static final String FORBIDDEN_OWNER_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "'owner' names another user ('bob'); you may act only as 'alice'. Leave 'owner' out to use\
             your own."}""";

    static final String RATED_EXAMPLE = """
            {"conversation_id": "7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d", "message_id": 42,
             "question": "What does the model label?",
             "answer": "The model labels each comment with one of six emotions.", "rating": 1,
             "created_at": "2026-11-26T10:16:02.654321Z"}""";

    private final ConversationService service;
    private final RatedTurnService ratedTurns;
    private final Caller caller;

    public ConversationResource(ConversationService service, RatedTurnService ratedTurns, Caller caller) {
        this.service = service;
        this.ratedTurns = ratedTurns;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Start a conversation", description = "owner left out is the caller; naming another user"
            + " needs the admin role.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConversationCreateRequest.class),
            examples = @ExampleObject(name = "conversation", value = "{\"title\": \"Emotion labels\"}")))
    @APIResponse(responseCode = "201", description = "Started; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConversationView.class),
                    examples = @ExampleObject(name = "conversation", value = CONVERSATION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "title over 200 characters or with control characters",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "title must be at most 200 characters",
                             "errors": [{"field": "title", "message": "must be at most 200 characters"}]}""")))
    @APIResponse(responseCode = "403", description = "owner names another user (not an admin)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "foreign-owner", value = FORBIDDEN_OWNER_EXAMPLE)))
    public Response create(@Valid @NotNull ConversationCreateRequest body, UriInfo uriInfo) {
        ConversationView created = service.create(body, caller.ownerFor(body.owner(), "owner"));
        URI location = uriInfo.getAbsolutePathBuilder().path(created.id()).build();
        return Response.created(location).entity(created).build();
    }

    @GET
    @Operation(summary = "List conversations", description = "Newest updated first (updated_at desc, then id)."
            + " A user lists only their own; an admin lists everyone's unless owner names one.")
    @APIResponse(responseCode = "200", description = "One page of conversations, without messages",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConversationPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + CONVERSATION_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "page < 0, size outside 1..200",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "owner names another user (not an admin)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "foreign-owner", value = FORBIDDEN_OWNER_EXAMPLE)))
    public PageView<ConversationView> list(
            @QueryParam("owner") @Parameter(description = "Only this owner's conversations (a user: only their own)")
            String owner,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = "0-based page") int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) @Parameter(description = "1..200") int size) {
        return service.list(caller.ownerFilter(owner, "owner"), page, size);
    }

    // A literal segment: JAX-RS prefers it to the /{id} template, so "rated" is never read as a conversation id.
    @GET
    @Path("/rated")
    @Operation(summary = "List rated chat turns", description = "Each assistant message rated at least min_rating"
            + " with the nearest user message before it as question (answers without one are left out), newest"
            + " first (message id desc): the rated chats chat-gateway adds to a fine-tune training set. A user lists"
            + " only their own conversations' turns; an admin everyone's unless owner names one.")
    @APIResponse(responseCode = "200", description = "One page of rated turns",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatedTurnPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + RATED_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "min_rating outside -1..1; page < 0, size outside 1..200",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "min_rating must be less than or equal to 1",
                             "errors": [{"field": "min_rating", "message": "must be less than or equal to 1"}]}""")))
    @APIResponse(responseCode = "403", description = "owner names another user (not an admin)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "foreign-owner", value = FORBIDDEN_OWNER_EXAMPLE)))
    public PageView<RatedTurnView> rated(
            @QueryParam("owner") @Parameter(description = "Only this owner's conversations (a user: only their own)")
            String owner,
            @QueryParam("min_rating") @DefaultValue("1") @Min(-1) @Max(1)
            @Parameter(description = "Lowest rating included, -1..1 (default 1: the answers rated good)")
            int minRating,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = "0-based page") int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) @Parameter(description = "1..200") int size) {
        return ratedTurns.list(caller.ownerFilter(owner, "owner"), minRating, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a conversation with its last messages",
            description = "The last window messages, oldest of them first (the order they were added).")
    @APIResponse(responseCode = "200", description = "The conversation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConversationDetailView.class),
                    examples = @ExampleObject(name = "conversation", value = DETAIL_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "window outside 1..metadata.conversations.max-window (200)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "window must be between 1 and 200",
                             "errors": [{"field": "window", "message": "must be between 1 and 200"}]}""")))
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's conversation",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public ConversationDetailView get(
            @PathParam("id") String id,
            @QueryParam("window") @Parameter(description = "How many of the last messages; default"
                    + " metadata.conversations.default-window (20)") Integer window) {
        return service.find(id, window, caller::canSee).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a conversation with its messages")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's conversation",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public RestResponse<Void> delete(@PathParam("id") String id) {
        if (!service.delete(id, caller::canSee)) {
            throw notFound(id);
        }
        return RestResponse.noContent();
    }

    @POST
    @Path("/{id}/messages")
    @Operation(summary = "Append a message", description = "Moves the conversation's updated_at to the message's"
            + " created_at.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MessageCreateRequest.class),
            examples = @ExampleObject(name = "message", value = """
                    {"role": "assistant", "content": "The model labels each comment with one of six emotions.",
                     "citations": [{"dataset_id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20", "row": 17,
                                    "score": 0.82}]}""")))
    @APIResponse(responseCode = "201", description = "Appended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MessageView.class),
                    examples = @ExampleObject(name = "message", value = MESSAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "role not user or assistant, content not 1..20000 characters,"
            + " citations not an array or longer than metadata.conversations.max-citations-chars",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "role must be one of user, assistant",
                             "errors": [{"field": "role", "message": "must be one of user, assistant"}]}""")))
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's conversation",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public Response append(@PathParam("id") String id, @Valid @NotNull MessageCreateRequest body) {
        MessageView message = service.append(id, body, caller::canSee).orElseThrow(() -> notFound(id));
        return Response.status(Response.Status.CREATED).entity(message).build();
    }

    @PUT
    @Path("/{id}/messages/{message_id}/rating")
    @Operation(summary = "Rate a message", description = "-1, 0 or 1; a later rating replaces the earlier one.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RatingRequest.class),
            examples = @ExampleObject(name = "rating", value = "{\"rating\": 1}")))
    @APIResponse(responseCode = "200", description = "The rated message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MessageView.class),
                    examples = @ExampleObject(name = "message", value = MESSAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "rating missing or not -1, 0 or 1",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "rating must be less than or equal to 1",
                             "errors": [{"field": "rating", "message": "must be less than or equal to 1"}]}""")))
    @APIResponse(responseCode = "404", description = "Unknown conversation or another user's, or no such message in"
            + " it",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public MessageView rate(@PathParam("id") String id, @PathParam("message_id") long messageId,
                            @Valid @NotNull RatingRequest body) {
        return service.rate(id, messageId, body.rating(), caller::canSee)
                .orElseThrow(() -> ProblemException.notFound("No message " + messageId + " in conversation " + id));
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No conversation " + id);
    }

    /** {@code PageView<RatedTurnView>} under a name, for the OpenAPI document. */
    @Schema(name = "RatedTurnPage", description = "One page of rated chat turns")
    record RatedTurnPage(List<RatedTurnView> items, int page, int size, long total) {
    }

    /** {@code PageView<ConversationView>} under a name, for the OpenAPI document. */
    @Schema(name = "ConversationPage", description = "One page of conversations")
    record ConversationPage(List<ConversationView> items, int page, int size, long total) {
    }
}
