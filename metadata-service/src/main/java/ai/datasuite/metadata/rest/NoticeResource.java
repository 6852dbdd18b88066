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
import ai.datasuite.metadata.notice.NoticeCreateRequest;
import ai.datasuite.metadata.notice.NoticeService;
import ai.datasuite.metadata.notice.NoticeView;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * The notice board of the mobile app (chat-gateway serves it as /api/v1/notices): every caller reads it, only an admin
 * posts or deletes.
 */
@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "The notice board: admins post, everyone reads")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
public class NoticeResource {

    static final String CREATE_EXAMPLE = """
            {"title": "Maintenance on Saturday",
             "body": "The assistant is offline on Saturday from 06:00 to 08:00 UTC while we upgrade the index."}""";
    static final String NOTICE_EXAMPLE = """
            {"id": "5d2e8f1a-3b4c-4d5e-8f6a-7b8c9d0e1f2a", "title": "Maintenance on Saturday",
             "body": "The assistant is offline on Saturday from 06:00 to 08:00 UTC while we upgrade the index.",
             "author": "admin", "created_at": "2026-11-26T10:15:30.123456Z"}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No notice 5d2e8f1a-3b4c-4d5e-8f6a-7b8c9d0e1f2a"}""";
    static final String ADMIN_ONLY_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Posting or deleting notices needs the admin role; your key has the role 'user'."}""";
    private static final String ADMIN_ONLY = "Posting or deleting notices";

    private final NoticeService service;
    private final Caller caller;

    public NoticeResource(NoticeService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Post a notice", description = "The author is the caller. Needs the admin role.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NoticeCreateRequest.class),
            examples = @ExampleObject(name = "notice", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Posted; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoticeView.class),
                    examples = @ExampleObject(name = "notice", value = NOTICE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "title not 1..200 characters, body not 1..20000 characters,"
            + " or control characters in the title",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request",
                             "status": 400, "detail": "title must be at most 200 characters",
                             "errors": [{"field": "title", "message": "must be at most 200 characters"}]}""")))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "admin-only", value = ADMIN_ONLY_EXAMPLE)))
    public Response create(@Valid @NotNull NoticeCreateRequest body, UriInfo uriInfo) {
        caller.requireAdmin(ADMIN_ONLY);
        NoticeView created = service.create(body, caller.id());
        URI location = uriInfo.getAbsolutePathBuilder().path(created.id()).build();
        return Response.created(location).entity(created).build();
    }

    @GET
    @Operation(summary = "List notices", description = "Newest first (created_at desc, then id). Any caller.")
    @APIResponse(responseCode = "200", description = "One page of notices",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoticePage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + NOTICE_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "page < 0, size outside 1..200",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public PageView<NoticeView> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = "0-based page") int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) @Parameter(description = "1..200") int size) {
        return service.list(page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one notice", description = "Any caller.")
    @APIResponse(responseCode = "200", description = "The notice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoticeView.class),
                    examples = @ExampleObject(name = "notice", value = NOTICE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown id",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public NoticeView get(@PathParam("id") String id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound("No notice " + id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a notice", description = "Needs the admin role.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "admin-only", value = ADMIN_ONLY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown id",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public RestResponse<Void> delete(@PathParam("id") String id) {
        caller.requireAdmin(ADMIN_ONLY);
        if (!service.delete(id)) {
            throw ProblemException.notFound("No notice " + id);
        }
        return RestResponse.noContent();
    }

    /** {@code PageView<NoticeView>} under a name, for the OpenAPI document (@Schema cannot name a generic type). */
    @Schema(name = "NoticePage", description = "One page of notices")
    record NoticePage(List<NoticeView> items, int page, int size, long total) {
    }
}
