package ai.datasuite.metadata.rest;

import static ai.datasuite.metadata.rest.ProductExamples.CATALOG;
import static ai.datasuite.metadata.rest.ProductExamples.CATALOG_SKIPPED;
import static ai.datasuite.metadata.rest.ProductExamples.INVALID_ROWS;
import static ai.datasuite.metadata.rest.ProductExamples.LABELS;
import static ai.datasuite.metadata.rest.ProductExamples.NOT_FOUND;
import static ai.datasuite.metadata.rest.ProductExamples.PATCH;
import static ai.datasuite.metadata.rest.ProductExamples.PREDICTIONS;
import static ai.datasuite.metadata.rest.ProductExamples.PRODUCT;
import static ai.datasuite.metadata.rest.ProductExamples.TOO_LARGE;
import static ai.datasuite.metadata.rest.ProductExamples.UPDATED;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
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
import ai.datasuite.metadata.common.InvalidField;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.common.Text;
import ai.datasuite.metadata.product.CatalogPatchRequest;
import ai.datasuite.metadata.product.CatalogService;
import ai.datasuite.metadata.product.CatalogView;
import ai.datasuite.metadata.product.ParquetExport;
import ai.datasuite.metadata.product.PredictionsRequest;
import ai.datasuite.metadata.product.ProductFormat;
import ai.datasuite.metadata.product.ProductService;
import ai.datasuite.metadata.product.ProductView;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * Product catalogs (internal: chat-gateway answers /api/v1/products and calls this as the caller). A catalog is its
 * owner's; admins see all; another owner's catalog answers 404. The data dictionary is in
 * {@link ProductDictionaryResource}.
 */
@Path("/api/v1/products/catalogs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "Product catalogs: import, rows, Parquet, dictionary, predictions, counts")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
public class ProductCatalogResource {

    static final String NDJSON = "application/x-ndjson";

    private final CatalogService catalogs;
    private final ProductService products;
    private final ParquetExport parquet;
    private final Caller caller;

    public ProductCatalogResource(CatalogService catalogs, ProductService products, ParquetExport parquet,
                                  Caller caller) {
        this.catalogs = catalogs;
        this.products = products;
        this.parquet = parquet;
        this.caller = caller;
    }

    @POST
    @Consumes({"text/csv", "application/csv", NDJSON, "application/jsonl", "application/x-jsonlines",
            "application/jsonlines", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import a product file as a new catalog version",
            description = "CSV with a header row (RFC 4180 quoting) or JSON lines. mapping names the source column"
                    + " of title (required), description, category, price and id; without it they are detected"
                    + " from the header. A category cell holding a JSON list or an 'A >> B' path gives category A"
                    + " and attributes.category_path. Other columns go to attributes. on_error=reject (default)"
                    + " refuses the file when any row is bad; skip stores the good rows and lists the skipped ones."
                    + " The same name again (same owner) makes the next version.")
    @RequestBody(content = {
            @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = ProductExamples.CSV)),
            @Content(mediaType = NDJSON, examples = @ExampleObject(name = "jsonl", value = ProductExamples.JSONL))})
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CatalogView.class),
                    examples = {@ExampleObject(name = "catalog", value = CATALOG),
                        @ExampleObject(name = "skipped-rows", value = CATALOG_SKIPPED)}))
    @APIResponse(responseCode = "400", description = "Bad rows (nothing stored), a bad mapping, name, format or"
            + " on_error, no title column, an empty file",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "invalid-rows", value = INVALID_ROWS)))
    @APIResponse(responseCode = "413", description = "Above metadata.products.max-body-bytes or max-rows",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "too-many-rows", value = TOO_LARGE)))
    @APIResponse(responseCode = "415", description = "No format given and the content type names none",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response importCatalog(
            @QueryParam("name") @Text(max = 200) @Parameter(description = "Catalog name; default: source_name"
                    + " without its extension") String name,
            @QueryParam("source_name") @Text(max = 500) @Parameter(description = "The file's name") String sourceName,
            @QueryParam("format") @Parameter(description = "csv or jsonl; default: from the content type")
            String format,
            @QueryParam("mapping") @Parameter(description = "JSON object, e.g. {\"title\":\"product_name\"}")
            String mapping,
            @QueryParam("on_error") @Parameter(description = "reject (default) or skip") String onError,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body,
            @Context UriInfo uriInfo) throws IOException {
        ProductFormat productFormat = format == null || format.isBlank()
                ? ProductFormat.fromMediaType(contentType).orElseThrow(() -> ProblemException.unsupportedMediaType(
                        "Say format=csv or format=jsonl, or send text/csv or application/x-ndjson"))
                : ProductFormat.fromParameter(format).orElseThrow(() -> InvalidField.problem("format",
                        "must be csv or jsonl"));
        boolean skip = switch (onError == null ? "reject" : onError.strip().toLowerCase(Locale.ROOT)) {
            case "", "reject" -> false;
            case "skip" -> true;
            default -> throw InvalidField.problem("on_error", "must be reject or skip");
        };
        String source = sourceName == null || sourceName.isBlank() ? null : sourceName.strip();
        String catalogName = name == null || name.isBlank() ? stem(source) : name.strip();
        if (catalogName == null || catalogName.isBlank()) {
            throw InvalidField.problem("name", "is required (or give source_name)");
        }
        CatalogView created = catalogs.importCatalog(body, new CatalogService.ImportRequest(catalogName, source,
                productFormat, mapping, skip), caller.id());
        URI location = uriInfo.getBaseUriBuilder().path("/api/v1/products/catalogs/{id}").build(created.id());
        return Response.created(location).entity(created).build();
    }

    @GET
    @Operation(summary = "List catalogs", description = "Newest first; the caller's own (an admin: everyone's).")
    @APIResponse(responseCode = "200", description = "One page of catalogs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CatalogPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + CATALOG
                            + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "page < 0, size outside 1..200",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public PageView<CatalogView> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = "0-based page") int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) @Parameter(description = "1..200") int size) {
        return catalogs.list(caller.isAdmin() ? null : caller.id(), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a catalog")
    @APIResponse(responseCode = "200", description = "The catalog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CatalogView.class),
                    examples = @ExampleObject(name = "catalog", value = CATALOG)))
    @APIResponse(responseCode = "404", description = "Unknown catalog, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public CatalogView get(@PathParam("id") long id) {
        return catalogs.view(id, caller::canSee);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the catalog's Parquet file", description = "parquet_file_id: the file id in ingest"
            + " under which the gateway stored the Parquet export.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CatalogPatchRequest.class),
            examples = @ExampleObject(name = "parquet", value = PATCH)))
    @APIResponse(responseCode = "200", description = "The catalog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CatalogView.class),
                    examples = @ExampleObject(name = "catalog", value = CATALOG)))
    @APIResponse(responseCode = "400", description = "parquet_file_id missing or over 255 characters",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown catalog, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public CatalogView patch(@PathParam("id") long id, @Valid @NotNull CatalogPatchRequest body) {
        return catalogs.setParquetFile(id, body.parquetFileId(), caller::canSee);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a catalog", description = "Its products and dictionary go too.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "Unknown catalog, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public RestResponse<Void> delete(@PathParam("id") long id) {
        catalogs.delete(id, caller::canSee);
        return RestResponse.noContent();
    }

    @GET
    @Path("/{id}/products")
    @Operation(summary = "List a catalog's products", description = "Ordered by row_number; category and"
            + " predicted_category filter by exact value.")
    @APIResponse(responseCode = "200", description = "One page of products",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + PRODUCT
                            + "], \"page\": 0, \"size\": 100, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "page < 0, size outside 1..500",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown catalog, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public PageView<ProductView> products(
            @PathParam("id") long id,
            @QueryParam("category") @Parameter(description = "True category") String category,
            @QueryParam("predicted_category") @Parameter(description = "Predicted category") String predicted,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = "0-based page") int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) @Parameter(description = "1..500") int size) {
        return products.list(id, category, predicted, page, size, caller::canSee);
    }

    @GET
    @Path("/{id}/parquet")
    @Produces({ParquetExport.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "The catalog as a Parquet file", description = "Written by DuckDB from the stored rows:"
            + " row_number INTEGER, id VARCHAR, title VARCHAR, description VARCHAR, category VARCHAR,"
            + " price DECIMAL(14,2), attributes VARCHAR (JSON text).")
    @APIResponse(responseCode = "200", description = "The Parquet file",
            content = @Content(mediaType = ParquetExport.MEDIA_TYPE,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Unknown catalog, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public Response parquet(@PathParam("id") long id) {
        java.nio.file.Path file = parquet.write(id, caller::canSee);
        StreamingOutput stream = out -> {
            try {
                Files.copy(file, out);
            } finally {
                ParquetExport.delete(file);
            }
        };
        return Response.ok(stream, ParquetExport.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"catalog-" + id + ".parquet\"").build();
    }

    @PUT
    @Path("/{id}/predictions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store predicted categories", description = "At most metadata.products.max-predictions"
            + " per call; the newest prediction of a product replaces the older one. A product id outside the"
            + " catalog refuses the whole call.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PredictionsRequest.class),
            examples = @ExampleObject(name = "predictions", value = PREDICTIONS)))
    @APIResponse(responseCode = "200", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductService.UpdatedView.class),
                    examples = @ExampleObject(name = "updated", value = UPDATED)))
    @APIResponse(responseCode = "400", description = "A product not in the catalog, mode or category missing,"
            + " score outside 0..1", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown catalog, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    @APIResponse(responseCode = "413", description = "More than metadata.products.max-predictions",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public ProductService.UpdatedView predictions(@PathParam("id") long id,
                                                  @Valid @NotNull PredictionsRequest body) {
        return products.predict(id, body, caller::canSee);
    }

    @GET
    @Path("/{id}/labels")
    @Operation(summary = "Product id to label", description = "source=true: the file's categories; predicted: the"
            + " stored predictions. Products without that label are left out.")
    @APIResponse(responseCode = "200", description = "The labels",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductService.LabelsView.class),
                    examples = @ExampleObject(name = "labels", value = LABELS)))
    @APIResponse(responseCode = "400", description = "source not true or predicted",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown catalog, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public ProductService.LabelsView labels(@PathParam("id") long id,
                                            @QueryParam("source") @Parameter(description = "true (default) or"
                                                    + " predicted") String source) {
        return products.labels(id, ProductService.LabelSource.parse(source, ProductService.LabelSource.TRUE),
                caller::canSee);
    }

    private static String stem(String fileName) {
        if (fileName == null) {
            return null;
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** {@code PageView<CatalogView>} under a name, for the OpenAPI document. */
    @Schema(name = "ProductCatalogPage", description = "One page of product catalogs")
    record CatalogPage(List<CatalogView> items, int page, int size, long total) {
    }

    /** {@code PageView<ProductView>} under a name, for the OpenAPI document. */
    @Schema(name = "ProductPage", description = "One page of products")
    record ProductPage(List<ProductView> items, int page, int size, long total) {
    }
}
