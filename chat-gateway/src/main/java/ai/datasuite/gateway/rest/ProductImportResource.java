package ai.datasuite.gateway.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import ai.datasuite.gateway.product.JobView;
import ai.datasuite.gateway.product.ProductImportService;
import ai.datasuite.gateway.product.ProductImportService.ImportForm;
import ai.datasuite.gateway.product.ProductJobs;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/** Importing a product catalog (CSV or JSON lines) and following the product jobs. */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "Product catalogs: import to SQL and Parquet with a data dictionary,"
        + " categorize with embeddings or an LLM, count by category, explore by similarity. Any role; a user sees"
        + " their own catalogs, an admin all.")
public class ProductImportResource {

    private final ProductImportService imports;
    private final ProductJobs jobs;
    private final Caller caller;

    public ProductImportResource(ProductImportService imports, ProductJobs jobs, Caller caller) {
        this.imports = imports;
        this.jobs = jobs;
        this.caller = caller;
    }

    /** The multipart form of an import. */
    @Schema(name = "ProductImportForm")
    public static class ImportParts {
        @RestForm("file")
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary",
                description = "The catalog: .csv (text/csv) or .jsonl (application/x-ndjson)")
        public FileUpload file;
        @RestForm("name")
        @Schema(description = "The catalog's name (default: the file name without extension); importing the same"
                + " name again makes the next version", examples = "retail-demo")
        public String name;
        @RestForm("mapping")
        @Schema(description = "JSON: canonical column to source column (title required; description, category,"
                + " price, id optional); detected from the header when left out",
                examples = "{\"title\": \"product_name\", \"category\": \"product_category_tree\"}")
        public String mapping;
        @RestForm("on_error")
        @Schema(enumeration = {"reject", "skip"}, defaultValue = "reject")
        public String onError;
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a product catalog",
            description = "metadata-service validates the rows and stores them as a new catalog version while you"
                    + " wait (bad rows: 400 with row-numbered errors, or left out with on_error=skip). Then a job"
                    + " writes the catalog as Parquet to the lake (GET .../catalogs/{id}/parquet) and indexes the"
                    + " products (title + \". \" + description) into the retrieval collection catalog-{id}. Follow"
                    + " the job at the Location. At most gateway.products.max-import-bytes.")
    @APIResponse(responseCode = "202", description = "Stored; the Parquet and index job is queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class),
                    examples = @ExampleObject(name = "queued", value = ProductExamples.IMPORT_JOB)))
    @APIResponse(responseCode = "400", description = "Invalid rows (on_error=reject), a bad mapping or on_error,"
            + " no title column", content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "invalid rows", value = ProductExamples.INVALID_ROWS)))
    @APIResponse(responseCode = "413", description = "The file is larger than gateway.products.max-import-bytes or"
            + " has more rows than metadata.products.max-rows", content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "too large", value = "{\"type\": \"urn:ai-data-suite:problem:"
                            + "payload-too-large\", \"title\": \"Payload too large\", \"status\": 413, \"detail\":"
                            + " \"The file has 60000000 bytes; an import takes at most 52428800 bytes"
                            + " (gateway.products.max-import-bytes).\", \"max_import_bytes\": 52428800}")))
    @APIResponse(responseCode = "415", description = "Neither CSV nor JSON lines",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "pdf",
                    value = "{\"type\": \"urn:ai-data-suite:problem:unsupported-media-type\", \"title\":"
                            + " \"Unsupported media type\", \"status\": 415, \"detail\": \"An import takes a CSV"
                            + " (.csv, text/csv) or JSON-lines (.jsonl, application/x-ndjson) file; 'report.pdf' is"
                            + " neither.\"}")))
    public Response importCatalog(ImportParts parts) {
        FileUpload file = parts.file;
        if (file == null) {
            throw ProblemException.validation("The form needs a 'file' part: the catalog as CSV or JSON lines.");
        }
        JobView job = imports.start(new ImportForm(file.uploadedFile().toFile(), file.fileName(), file.contentType(),
                file.size(), parts.name, parts.mapping, parts.onError), caller);
        return Response.accepted(job).location(URI.create("/api/v1/products/jobs/" + job.id())).build();
    }

    @GET
    @Path("/jobs")
    @Operation(summary = "Product jobs", description = "Your import and categorize jobs (an admin: all), newest"
            + " first. Jobs live in the gateway's memory (gateway.products.max-jobs-kept).")
    @APIResponse(responseCode = "200", description = "The jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "jobs", value = "{\"items\": [" + ProductExamples.RUNNING_JOB
                            + "]}")))
    public Map<String, List<JobView>> jobs() {
        return Map.of("items", jobs.visibleTo(caller));
    }

    @GET
    @Path("/jobs/{id}")
    @Operation(summary = "A product job's progress",
            description = "stage: parquet, index (import), classify, store (categorize); done of total.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class),
                    examples = @ExampleObject(name = "running", value = ProductExamples.RUNNING_JOB)))
    @APIResponse(responseCode = "404", description = "No such job of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "unknown",
                    value = "{\"type\": \"urn:ai-data-suite:problem:not-found\", \"title\": \"Not found\","
                            + " \"status\": 404, \"detail\": \"No product job 0b7e3f0a-6c1d-4e2f-9a8b-7c6d5e4f3a2b\"}")))
    public JobView job(@PathParam("id") @Parameter(example = ProductExamples.JOB_ID) String id) {
        return jobs.find(id, caller).orElseThrow(() -> ProblemException.notFound("No product job "
                + (id.length() > 40 ? id.substring(0, 40) + "..." : id)));
    }
}
