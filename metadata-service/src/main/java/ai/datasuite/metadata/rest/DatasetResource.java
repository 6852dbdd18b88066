package ai.datasuite.metadata.rest;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import ai.datasuite.metadata.dataset.DatasetCreateRequest;
import ai.datasuite.metadata.dataset.DatasetService;
import ai.datasuite.metadata.dataset.DatasetView;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * The catalogue of Q&A datasets; internal: retrieval-service is the caller, for its user (a re-signed identity). A user
 * sees, lists and deletes only their own datasets; another user's answers 404.
 */
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets", description = "Q&A datasets of retrieval-service and the stored files holding them")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
public class DatasetResource {

    static final String CREATE_EXAMPLE = """
            {"id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20", "name": "SQuAD v1.1 dev, part 1",
             "file_id": "3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60", "rows": 2880, "distinct_contexts": 494,
             "columns": ["context", "question", "answer"], "owner": "alice"}""";
    static final String VIEW_EXAMPLE = """
            {"id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20", "name": "SQuAD v1.1 dev, part 1",
             "file_id": "3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60", "rows": 2880, "distinct_contexts": 494,
             "columns": ["context", "question", "answer"], "owner": "alice",
             "uploaded_at": "2026-11-26T10:15:30.123456Z"}""";
    static final String VALIDATION_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "file_id no stored file has this id; upload the CSV through ingest-service first",
             "errors": [{"field": "file_id",
                         "message": "no stored file has this id; upload the CSV through ingest-service first"}]}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No dataset 0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20"}""";

    static final String FORBIDDEN_OWNER_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "'owner' names another user ('bob'); you may act only as 'alice'. Leave 'owner' out to use\
             your own."}""";

    private final DatasetService service;
    private final Caller caller;

    public DatasetResource(DatasetService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Catalogue a dataset",
            description = "The file must already be stored (ingest-service registers it under /api/v1/files) and be"
                    + " the caller's (an admin's: anyone's). With a caller-chosen id the create is idempotent: the same"
                    + " body again answers 200. Internal: only a service hop (retrieval-service, for its caller) may"
                    + " create; owner left out is the caller, naming another user needs admin.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DatasetCreateRequest.class),
            examples = @ExampleObject(name = "dataset", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Catalogued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DatasetView.class),
                    examples = @ExampleObject(name = "dataset", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Already catalogued under this id with the same content",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DatasetView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or no stored file of the caller with this file_id",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The id names another dataset, or the file was deleted"
            + " concurrently",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "conflict", value = """
                            {"type": "urn:ai-data-suite:problem:conflict", "title": "Conflict", "status": 409,
                             "detail": "A different dataset already has id 0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20",
                             "existing_id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20"}""")))
    @APIResponse(responseCode = "403", description = "Not a service hop, or owner names another user",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "foreign-owner", value = FORBIDDEN_OWNER_EXAMPLE)))
    public Response create(@Valid @NotNull DatasetCreateRequest body, UriInfo uriInfo) {
        caller.requireService("Cataloguing datasets");
        String owner = caller.ownerFor(body.owner(), "owner");
        DatasetService.Created result = service.create(body, owner, caller::canSee);
        if (!result.created()) {
            return Response.ok(result.dataset()).build();
        }
        URI location = uriInfo.getAbsolutePathBuilder().path(result.dataset().id()).build();
        return Response.created(location).entity(result.dataset()).build();
    }

    @GET
    @Operation(summary = "List datasets", description = "Newest first (uploaded_at desc, then id); filters optional."
            + " A user lists only their own datasets; an admin lists everyone's unless owner names one.")
    @APIResponse(responseCode = "200", description = "The datasets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DatasetView.class),
                    examples = @ExampleObject(name = "datasets", value = "[" + VIEW_EXAMPLE + "]")))
    @APIResponse(responseCode = "403", description = "owner names another user (not an admin)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "foreign-owner", value = FORBIDDEN_OWNER_EXAMPLE)))
    public List<DatasetView> list(
            @QueryParam("owner") @Parameter(description = "Only this owner's datasets (a user: only their own)")
            String owner,
            @QueryParam("file_id") @Parameter(description = "Only datasets stored in this file") String fileId) {
        return service.list(caller.ownerFilter(owner, "owner"), fileId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one dataset", description = "Another user's dataset answers 404, as an unknown id does.")
    @APIResponse(responseCode = "200", description = "The dataset",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DatasetView.class),
                    examples = @ExampleObject(name = "dataset", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's dataset",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public DatasetView get(@PathParam("id") String id) {
        return service.find(id).filter(dataset -> caller.canSee(dataset.owner()))
                .orElseThrow(() -> ProblemException.notFound("No dataset " + id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a dataset from the catalogue",
            description = "The stored file stays (other datasets may use it); delete it through ingest-service."
                    + " Another user's dataset answers 404, as an unknown id does.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's dataset",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    public RestResponse<Void> delete(@PathParam("id") String id) {
        if (!service.delete(id, caller::canSee)) {
            throw ProblemException.notFound("No dataset " + id);
        }
        return RestResponse.noContent();
    }
}
