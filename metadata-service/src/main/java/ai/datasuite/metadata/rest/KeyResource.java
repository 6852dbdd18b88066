package ai.datasuite.metadata.rest;

import java.net.URI;
import java.util.List;

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
import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.key.KeyCreateRequest;
import ai.datasuite.metadata.key.KeyService;
import ai.datasuite.metadata.key.KeyView;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * The API key store; internal: chat-gateway owns the keys' logic and calls this for its admins (create, list, get,
 * delete) and, with its own service identity, to check a presented key by its hash. No answer ever carries a hash.
 */
@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Keys", description = "API keys of chat-gateway, stored as hashes")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
public class KeyResource {

    static final String CREATE_EXAMPLE = """
            {"key_hash": "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
             "key_prefix": "sk_3fa9c1", "user_id": "alice", "role": "user"}""";
    static final String KEY_EXAMPLE = """
            {"id": "8c1f4e2a-7b3d-4a5e-9f60-1d2c3b4a5e6f", "key_prefix": "sk_3fa9c1", "user_id": "alice",
             "role": "user", "created_at": "2026-11-26T10:15:30.123456Z"}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No API key 8c1f4e2a-7b3d-4a5e-9f60-1d2c3b4a5e6f"}""";
    static final String ADMIN_ONLY_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Managing API keys needs the admin role; your key has the role 'user'."}""";
    static final String SERVICE_ONLY_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Looking up API keys is for chat-gateway's own service identity; your role is 'admin'."}""";

    private final KeyService service;
    private final Caller caller;

    public KeyResource(KeyService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Store a new API key",
            description = "The gateway generated the key; it sends only the key's SHA-256 (hex) and first characters."
                    + " Needs the admin role (or a service).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = KeyCreateRequest.class),
            examples = @ExampleObject(name = "key", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Stored; Location names it. The hash is not returned.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KeyView.class),
                    examples = @ExampleObject(name = "key", value = KEY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "key_hash not 64 hex characters, key_prefix not 1-12 visible"
            + " ASCII characters, user_id not a user id, role not user, annotator or admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "role must be one of user, annotator, admin",
                             "errors": [{"field": "role", "message": "must be one of user, annotator, admin"}]}""")))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "admin-only", value = ADMIN_ONLY_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "A key with this hash is already stored",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "conflict", value = """
                            {"type": "urn:ai-data-suite:problem:conflict", "title": "Conflict", "status": 409,
                             "detail": "A key with this key_hash is already stored"}""")))
    public Response create(@Valid @NotNull KeyCreateRequest body, UriInfo uriInfo) {
        caller.requireAdmin("Managing API keys");
        KeyView created = service.create(body);
        URI location = uriInfo.getAbsolutePathBuilder().path(created.id()).build();
        return Response.created(location).entity(created).build();
    }

    @GET
    @Operation(summary = "List API keys", description = "Newest first (created_at desc, then id), without hashes."
            + " Needs the admin role.")
    @APIResponse(responseCode = "200", description = "One page of keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KeyPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + KEY_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "page < 0, size outside 1..200",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "admin-only", value = ADMIN_ONLY_EXAMPLE)))
    public PageView<KeyView> list(
            @QueryParam("user_id") @Parameter(description = "Only this user's keys") String userId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        caller.requireAdmin("Managing API keys");
        return service.list(userId == null || userId.isBlank() ? null : userId, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one API key", description = "Without its hash. Needs the admin role.")
    @APIResponse(responseCode = "200", description = "The key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KeyView.class),
                    examples = @ExampleObject(name = "key", value = KEY_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "admin-only", value = ADMIN_ONLY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown id",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public KeyView get(@PathParam("id") String id) {
        caller.requireAdmin("Managing API keys");
        return service.find(id).orElseThrow(() -> ProblemException.notFound("No API key " + id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete (revoke) an API key", description = "At once: a later lookup of its hash answers"
            + " 404. Needs the admin role.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "admin-only", value = ADMIN_ONLY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown id",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public RestResponse<Void> delete(@PathParam("id") String id) {
        caller.requireAdmin("Managing API keys");
        if (!service.delete(id)) {
            throw ProblemException.notFound("No API key " + id);
        }
        return RestResponse.noContent();
    }

    @GET
    @Path("/lookup/{key_hash}")
    @Operation(summary = "Look a presented key up by its hash",
            description = "For chat-gateway's own service identity only (role service): an admin's or a user's"
                    + " identity is refused, so a person can never probe for keys.")
    @APIResponse(responseCode = "200", description = "The key the hash belongs to",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KeyView.class),
                    examples = @ExampleObject(name = "key", value = KEY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "key_hash is not 64 hex characters",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a service identity",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "service-only", value = SERVICE_ONLY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No key has this hash (unknown or deleted)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = """
                            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
                             "detail": "No API key has this hash"}""")))
    public KeyView lookup(@PathParam("key_hash")
                          @Pattern(regexp = KeyCreateRequest.HASH_PATTERN, message = KeyCreateRequest.HASH_MESSAGE)
                          String keyHash) {
        if (!Roles.SERVICE.equals(caller.role())) {
            throw new ProblemException(403, ProblemException.FORBIDDEN, "Forbidden", "Looking up API keys is for"
                    + " chat-gateway's own service identity; your role is '" + caller.role() + "'.");
        }
        // The hash is not echoed: a 404 detail may end up in logs.
        return service.lookup(keyHash).orElseThrow(() -> ProblemException.notFound("No API key has this hash"));
    }

    /** {@code PageView<KeyView>} under a name, for the OpenAPI document (@Schema cannot name a generic type). */
    @Schema(name = "KeyPage", description = "One page of API keys")
    record KeyPage(List<KeyView> items, int page, int size, long total) {
    }
}
