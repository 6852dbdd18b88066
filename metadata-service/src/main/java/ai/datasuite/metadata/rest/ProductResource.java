package ai.datasuite.metadata.rest;

import static ai.datasuite.metadata.rest.ProductExamples.COUNTS;
import static ai.datasuite.metadata.rest.ProductExamples.NOT_FOUND;
import static ai.datasuite.metadata.rest.ProductExamples.PRODUCT;


import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.identity.Caller;
import ai.datasuite.metadata.chart.BarCharts;
import ai.datasuite.metadata.common.InvalidField;
import ai.datasuite.metadata.product.CategoryCountService;
import ai.datasuite.metadata.product.ProductService;
import ai.datasuite.metadata.product.ProductView;
import ai.datasuite.problem.Problems;

/** One product by id, and the per-category counts of a catalog (JSON with the SQL that ran, or a PNG chart). */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "Product catalogs: import, rows, Parquet, dictionary, predictions, counts")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
public class ProductResource {

    private final ProductService products;
    private final CategoryCountService counts;
    private final Caller caller;

    public ProductResource(ProductService products, CategoryCountService counts, Caller caller) {
        this.products = products;
        this.counts = counts;
        this.caller = caller;
    }

    @GET
    @Path("/{productId: [0-9]+}")
    @Operation(summary = "Get one product")
    @APIResponse(responseCode = "200", description = "The product",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductView.class),
                    examples = @ExampleObject(name = "product", value = PRODUCT)))
    @APIResponse(responseCode = "404", description = "Unknown product, or in another user's catalog",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public ProductView get(@PathParam("productId") long productId) {
        return products.find(productId, caller::canSee);
    }

    @GET
    @Path("/categories/counts")
    @Produces({MediaType.APPLICATION_JSON, BarCharts.MEDIA_TYPE})
    @Operation(summary = "Products per category", description = "Counted by the database with GROUP BY; sql is"
            + " the statement that ran (the catalog id is its one parameter). source=predicted (default) or true;"
            + " products without a category count under null ('(uncategorized)' in the chart). JSON by default; a"
            + " PNG bar chart with ?format=png or Accept: image/png.")
    @APIResponse(responseCode = "200", description = "The counts, or their chart",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CategoryCountService.CountsView.class),
                    examples = @ExampleObject(name = "counts", value = COUNTS)),
                @Content(mediaType = BarCharts.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                        format = "binary"))})
    @APIResponse(responseCode = "400", description = "catalog_id missing, source or format unknown",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown catalog, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public Response counts(@QueryParam("catalog_id") @Parameter(description = "The catalog") Long catalogId,
                           @QueryParam("source") @Parameter(description = "predicted (default) or true") String source,
                           @QueryParam("format") @Parameter(description = "json or png") String format,
                           @Context HttpHeaders headers) {
        if (catalogId == null) {
            throw InvalidField.problem("catalog_id", "is required");
        }
        boolean png = ChartFormat.wantsPng(format, headers);
        CategoryCountService.CountsView view = counts.counts(catalogId,
                ProductService.LabelSource.parse(source, ProductService.LabelSource.PREDICTED), caller::canSee);
        return png ? Response.ok(CategoryCountService.png(view), BarCharts.MEDIA_TYPE).build()
                : Response.ok(view, MediaType.APPLICATION_JSON).build();
    }
}
