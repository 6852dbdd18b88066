package ai.datasuite.gateway.rest;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.gateway.product.CategorizeRequest;
import ai.datasuite.gateway.product.CategorizeService;
import ai.datasuite.gateway.product.JobView;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.Problems;

/** Categorizing a catalog's products as a job. */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
public class CategorizeResource {

    private final CategorizeService service;
    private final Caller caller;

    public CategorizeResource(CategorizeService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Path("/categorize")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Categorize a catalog",
            description = "A job classifies every product's text (title + \". \" + description) and stores category,"
                    + " score, mode and model version on the product. zero-shot: e5 embeddings against the"
                    + " categories (given, or the named category_list, default 'default'); few-shot: a light head"
                    + " fitted on up to gateway.products.few-shot-per-category labelled products per category;"
                    + " auto: few-shot when the catalog carries true categories, else zero-shot; llm: the"
                    + " configured LLM, constrained to the list. One categorize job per catalog at a time.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CategorizeRequest.class),
            examples = {@ExampleObject(name = "auto", value = "{\"catalog_id\": 7, \"mode\": \"auto\"}"),
                    @ExampleObject(name = "zero-shot with descriptions", value = "{\"catalog_id\": 7, \"mode\":"
                            + " \"zero-shot\", \"categories\": [{\"name\": \"apparel\", \"description\": \"clothing"
                            + " such as shirts, dresses\"}, \"footwear\"]}"),
                    @ExampleObject(name = "stored list", value = "{\"catalog_id\": 7, \"mode\": \"llm\","
                            + " \"category_list\": \"default\"}")}))
    @APIResponse(responseCode = "202", description = "The job is queued; follow it at the Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class),
                    examples = @ExampleObject(name = "running", value = ProductExamples.RUNNING_JOB)))
    @APIResponse(responseCode = "400", description = "No catalog_id, an unknown mode, fewer than two categories,"
            + " few-shot on a catalog without true categories", content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "mode", value = "{\"type\": \"urn:ai-data-suite:problem:"
                            + "validation\", \"title\": \"Invalid request\", \"status\": 400, \"detail\": \"mode must"
                            + " be one of auto, zero-shot, few-shot, llm; it was 'magic'\"}")))
    @APIResponse(responseCode = "404", description = "No such catalog of yours, or no such category list",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = ProductExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "mode llm without an LLM configured (llm-not-configured), or"
            + " a categorize job runs on the catalog already", content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = {@ExampleObject(name = "no LLM", value = ProductExamples.NO_LLM),
                            @ExampleObject(name = "running already", value = ProductExamples.BUSY)}))
    public Response categorize(CategorizeRequest request) {
        JobView job = service.start(request, caller);
        return Response.accepted(job).location(URI.create("/api/v1/products/jobs/" + job.id())).build();
    }
}
