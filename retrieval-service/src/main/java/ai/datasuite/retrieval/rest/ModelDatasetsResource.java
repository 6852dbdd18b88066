package ai.datasuite.retrieval.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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

    public ModelDatasetsResource(DatasetService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the datasets", description = "Every catalogued dataset, newest first.")
    @APIResponse(responseCode = "200", description = "The datasets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DatasetSummary[].class),
                    examples = @ExampleObject(name = "datasets", value = """
                            [{"id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20", "name": "SQuAD v1.1 dev, part 1",
                              "rows": 2880, "distinct_contexts": 494, "uploaded_at": "2026-11-26T10:15:30.123456Z"}]""")))
    @APIResponse(responseCode = "503", description = "metadata-service unavailable",
            content = @Content(mediaType = DatasetResource.PROBLEM))
    public List<DatasetSummary> list() {
        return service.list();
    }
}
