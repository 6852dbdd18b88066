package ai.datasuite.gateway.rest;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.gateway.key.CreatedKey;
import ai.datasuite.gateway.key.KeyPage;
import ai.datasuite.gateway.key.KeyService;
import ai.datasuite.gateway.key.KeyView;
import ai.datasuite.gateway.key.NewKeyRequest;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Keys", description = "API keys and their roles (admin only). A key is shown once, when it is created.")
public class KeyResource {

    static final String CREATED_EXAMPLE = """
            {"id": "5b0e6f3c-2a47-4d8e-9c1f-6a2b3c4d5e6f", "key": "ads_q3J9xW2kR7vL0pT5nY8cB1mZ4hG6dF2sA9eU3oI7wQx",
             "user_id": "alice", "role": "user", "created_at": "2026-11-25T10:15:30.123456Z"}""";
    static final String KEY_EXAMPLE = """
            {"id": "5b0e6f3c-2a47-4d8e-9c1f-6a2b3c4d5e6f", "key_prefix": "ads_q3J9xW2k", "user_id": "alice",
             "role": "user", "created_at": "2026-11-25T10:15:30.123456Z"}""";
    static final String FORBIDDEN_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Managing API keys needs the admin role; your key has the role 'user'."}""";
    static final String VALIDATION_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "role must be one of user, annotator, admin",
             "errors": [{"field": "role", "message": "must be one of user, annotator, admin"}]}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No API key 5b0e6f3c-2a47-4d8e-9c1f-6a2b3c4d5e6f"}""";
    private static final String WHAT = "Managing API keys";

    private final KeyService keys;
    private final Caller caller;

    public KeyResource(KeyService keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Issue an API key", description = "Makes a new key for user_id with the role; the answer is"
            + " the only time the key is shown (only its SHA-256 is stored). Admin only.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewKeyRequest.class),
            examples = @ExampleObject(name = "user key", value = "{\"user_id\": \"alice\", \"role\": \"user\"}")))
    @APIResponse(responseCode = "201", description = "The new key, shown once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreatedKey.class),
                    examples = @ExampleObject(name = "created", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A role other than user, annotator, admin, or an invalid user_id",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "bad role", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The caller's key is not an admin's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not admin", value = FORBIDDEN_EXAMPLE)))
    public Response create(@Valid @NotNull NewKeyRequest request) {
        caller.requireAdmin(WHAT);
        CreatedKey created = keys.create(request);
        return Response.created(URI.create("/api/v1/keys/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "List API keys", description = "Newest first, without secrets: each key shows only its"
            + " first characters (key_prefix). Admin only.")
    @APIResponse(responseCode = "200", description = "One page of keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KeyPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + KEY_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "page < 0, size outside 1..200, or an invalid user_id",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller's key is not an admin's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not admin", value = FORBIDDEN_EXAMPLE)))
    public KeyPage list(@Parameter(description = "Only this user's keys", example = "alice")
                        @QueryParam("user_id") @Pattern(regexp = NewKeyRequest.USER_ID) String userId,
                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        caller.requireAdmin(WHAT);
        return keys.list(userId, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one API key", description = "Without its secret (key_prefix only). Admin only.")
    @APIResponse(responseCode = "200", description = "The key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KeyView.class),
                    examples = @ExampleObject(name = "key", value = KEY_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The caller's key is not an admin's",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such key",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public KeyView get(@PathParam("id") String id) {
        caller.requireAdmin(WHAT);
        return keys.get(id).orElseThrow(() -> ProblemException.notFound("No API key " + id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key", description = "At once: the next request with this key answers 401."
            + " Admin only.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "403", description = "The caller's key is not an admin's",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such key",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public void revoke(@PathParam("id") String id) {
        caller.requireAdmin(WHAT);
        if (!keys.revoke(id)) {
            throw ProblemException.notFound("No API key " + id);
        }
    }
}
