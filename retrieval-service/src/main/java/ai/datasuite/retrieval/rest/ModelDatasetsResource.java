package ai.datasuite.retrieval.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.identity.Caller;
import ai.datasuite.retrieval.dataset.DatasetService;
import ai.datasuite.retrieval.dataset.DatasetSummary;

/**
 * {@code GET /api/v1/models/get_datasets}, the product's existing path for the dataset list. Its own root resource
 * with the full path: RESTEasy Reactive picks the root class by the longest matching path, so this class answers
 * get_datasets and the models' resource at {@code /api/v1/models} keeps every other path (ModelDatasetsResourceTest).
 */
@Path("/api/v1/models/get_datasets")
@Tag(name = "Datasets")
public class ModelDatasetsResource {

    private final DatasetService service;
    private final Caller caller;

    public ModelDatasetsResource(DatasetService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the datasets",
            description = "The catalogued datasets the caller may see, newest first: a user's own; an admin's list"
                    + " holds everyone's, or one user's with owner.")
    @APIResponse(responseCode = "200", description = "The datasets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DatasetSummary[].class),
                    examples = @ExampleObject(name = "datasets", value = """
                            [{"id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20", "name": "SQuAD v1.1 dev, part 1",
                              "rows": 2880, "distinct_contexts": 494, "owner": "alice",
                              "uploaded_at": "2026-11-26T10:15:30.123456Z"}]""")))
    @APIResponse(responseCode = "401", description = "No valid identity token (calls come through chat-gateway)",
            content = @Content(mediaType = DatasetResource.PROBLEM,
                    examples = @ExampleObject(name = "no-token", value = IdentityExamples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "owner names another user and the caller is not an admin",
            content = @Content(mediaType = DatasetResource.PROBLEM,
                    examples = @ExampleObject(name = "other-owner", value = IdentityExamples.OTHER_OWNER)))
    @APIResponse(responseCode = "503", description = "metadata-service unavailable",
            content = @Content(mediaType = DatasetResource.PROBLEM))
    public List<DatasetSummary> list(@Parameter(description = "Whose datasets; left out, the caller's (an admin's:"
            + " everyone's). Only an admin may name another user.", example = "alice")
                                     @QueryParam("owner") String owner) {
        return service.list(caller.ownerFilter(owner, "owner"));
    }
}
