package ai.datasuite.gateway.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.gateway.client.MetadataNoticesClient.NewNotice;
import ai.datasuite.gateway.client.MetadataNoticesClient.NoticePage;
import ai.datasuite.gateway.client.MetadataNoticesClient.StoredNotice;
import ai.datasuite.gateway.notice.NoticeService;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "The notice board of the mobile app: admins post and delete, everyone reads;"
        + " every user's chat and search can cite the notices.")
public class NoticeResource {

    static final String NOTICE_EXAMPLE = """
            {"id": "3c1d9e2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "title": "Library hours",
             "body": "From December the library opens at 10:00 on Sundays.", "author": "admin",
             "created_at": "2026-12-02T09:00:00Z"}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No notice 3c1d9e2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"}""";
    static final String FORBIDDEN_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Posting notices needs the admin role; your key has the role 'user'."}""";

    private final NoticeService notices;
    private final Caller caller;

    public NoticeResource(NoticeService notices, Caller caller) {
        this.notices = notices;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Post a notice", description = "Stored, then indexed so every user's chat can cite it; if"
            + " it cannot be indexed it is not kept and the error says why. Admin only.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewNotice.class),
            examples = @ExampleObject(name = "notice", value = "{\"title\": \"Library hours\", \"body\": \"From"
                    + " December the library opens at 10:00 on Sundays.\"}")))
    @APIResponse(responseCode = "201", description = "Posted and indexed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StoredNotice.class),
                    examples = @ExampleObject(name = "notice", value = NOTICE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "title (1..200) or body (1..20000 characters) missing or too long",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "no title",
                    value = "{\"type\": \"urn:ai-data-suite:problem:validation\", \"title\": \"Invalid request\","
                            + " \"status\": 400, \"detail\": \"title is required\"}")))
    @APIResponse(responseCode = "403", description = "The caller is not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not admin", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "503", description = "metadata-service or retrieval-service is unavailable; nothing"
            + " was kept", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response post(NewNotice request) {
        caller.requireAdmin("Posting notices");
        validate(request);
        StoredNotice notice = notices.post(request);
        return Response.created(URI.create("/api/v1/notices/" + notice.id())).entity(notice).build();
    }

    @GET
    @Operation(summary = "List the notices", description = "Newest first. Every user may read them.")
    @APIResponse(responseCode = "200", description = "One page of notices",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoticePage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + NOTICE_EXAMPLE
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "page < 0 or size outside 1..200",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public NoticePage list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return notices.list(page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one notice", description = "Every user may read it.")
    @APIResponse(responseCode = "200", description = "The notice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StoredNotice.class),
                    examples = @ExampleObject(name = "notice", value = NOTICE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such notice",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public StoredNotice get(@PathParam("id") String id) {
        return notices.get(id).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a notice", description = "Its chunks leave the index first (chat stops citing it),"
            + " then the notice. Admin only.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "The caller is not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such notice",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public void delete(@PathParam("id") String id) {
        caller.requireAdmin("Deleting notices");
        if (!notices.delete(id)) {
            throw notFound(id);
        }
    }

    // Checked here too, so that a bad notice is refused before anything is stored (metadata-service checks again).
    private static void validate(NewNotice request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (request == null || request.title() == null || request.title().isBlank()) {
            errors.add(Map.of("field", "title", "message", "is required"));
        } else if (request.title().length() > 200) {
            errors.add(Map.of("field", "title", "message", "is at most 200 characters"));
        }
        if (request == null || request.body() == null || request.body().isBlank()) {
            errors.add(Map.of("field", "body", "message", "is required"));
        } else if (request.body().length() > 20000) {
            errors.add(Map.of("field", "body", "message", "is at most 20000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors.get(0).get("field") + " " + errors.get(0).get("message"),
                    Map.of("errors", errors));
        }
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No notice " + id);
    }
}
