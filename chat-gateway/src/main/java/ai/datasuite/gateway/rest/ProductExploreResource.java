package ai.datasuite.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.gateway.product.ExploreService;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.Problems;

/** Exploring a catalog: similar products, the t-SNE projection and the word map (JSON, PNG, projector zip). */
@Path("/api/v1/products")
@Tag(name = "Products")
public class ProductExploreResource {

    static final String PROJECTION = """
            {"collection": "catalog-7", "method": "t-SNE", "perplexity": 30, "total": 2465, "sampled": false,
             "points": [{"id": "101", "x": 1.2, "y": -3.4, "label": "accessories", "title": "Sturdy Backpack"}]}""";
    static final String WORD_MAP = """
            {"collection": "catalog-7", "method": "t-SNE",
             "words": [{"word": "leather", "count": 120, "x": 4.1, "y": -0.7}]}""";

    private final ExploreService service;
    private final Caller caller;

    public ProductExploreResource(ExploreService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/{productId:[0-9]+}/similar")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Similar products", description = "The nearest products by embedding in the product's"
            + " catalog (retrieval-service's collection catalog-{id}; Qdrant when configured), itself left out.")
    @APIResponse(responseCode = "200", description = "The neighbours, nearest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExploreService.Similar.class),
                    examples = @ExampleObject(name = "similar", value = "{\"product_id\": 101, \"neighbours\":"
                            + " [{\"product_id\": 102, \"title\": \"Trail Backpack\", \"category\": \"accessories\","
                            + " \"score\": 0.91}]}")))
    @APIResponse(responseCode = "400", description = "k outside 1..gateway.products.similar-max-k",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such product of yours, or not indexed yet",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public ExploreService.Similar similar(@PathParam("productId") @Parameter(example = ProductExamples.PRODUCT_ID)
                                          long productId,
                                          @QueryParam("k") @Parameter(description = "How many (default 10, at"
                                                  + " most gateway.products.similar-max-k)", example = "10")
                                          Integer k) {
        return service.similar(productId, k, caller);
    }

    @GET
    @Path("/catalogs/{id}/projection")
    @Produces({MediaType.APPLICATION_JSON, ExploreService.PNG})
    @Operation(summary = "2-D t-SNE projection of a catalog",
            description = "The product embeddings projected with t-SNE, coloured by predicted (default) or true"
                    + " category. JSON by default; a PNG scatter with format=png or 'Accept: image/png'.")
    @APIResponse(responseCode = "200", description = "The points, or the chart",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "points", value = PROJECTION)),
                    @Content(mediaType = ExploreService.PNG, schema = @Schema(type = SchemaType.STRING,
                            format = "binary"))})
    @APIResponse(responseCode = "400", description = "color not predicted|true, format not json|png",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such catalog of yours, or not indexed yet",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = ProductExamples.NOT_FOUND)))
    public Response projection(@PathParam("id") @Parameter(example = ProductExamples.CATALOG_ID) long id,
                               @QueryParam("color") @Parameter(example = "true") String color,
                               @QueryParam("format") @Parameter(example = "png") String format,
                               @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return service.projection(id, color, ExploreService.accept(format, accept), caller).ok();
    }

    @GET
    @Path("/catalogs/{id}/projection/projector.zip")
    @Produces(ExploreService.ZIP)
    @Operation(summary = "The projection for TensorBoard's Embedding Projector",
            description = "A zip of vectors.tsv (one row of tab-separated floats per product) and metadata.tsv"
                    + " (header id, label, title; same order), labels as for the projection.")
    @APIResponse(responseCode = "200", description = "The zip", content = @Content(mediaType = ExploreService.ZIP,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such catalog of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = ProductExamples.NOT_FOUND)))
    public Response projectionZip(@PathParam("id") @Parameter(example = ProductExamples.CATALOG_ID) long id,
                                  @QueryParam("color") @Parameter(example = "predicted") String color) {
        return attachment(service.projection(id, color, ExploreService.ZIP, caller).ok(),
                "catalog-" + id + "-projector.zip");
    }

    @GET
    @Path("/catalogs/{id}/word-map")
    @Produces({MediaType.APPLICATION_JSON, ExploreService.PNG})
    @Operation(summary = "Word map of a catalog",
            description = "The catalog's most frequent words (stop words out) embedded and projected with t-SNE."
                    + " JSON by default; a PNG with format=png or 'Accept: image/png'.")
    @APIResponse(responseCode = "200", description = "The words, or the chart",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "words", value = WORD_MAP)),
                    @Content(mediaType = ExploreService.PNG, schema = @Schema(type = SchemaType.STRING,
                            format = "binary"))})
    @APIResponse(responseCode = "400", description = "words outside retrieval's range, format not json|png",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such catalog of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = ProductExamples.NOT_FOUND)))
    public Response wordMap(@PathParam("id") @Parameter(example = ProductExamples.CATALOG_ID) long id,
                            @QueryParam("words") @Parameter(example = "200") Integer words,
                            @QueryParam("format") @Parameter(example = "png") String format,
                            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return service.wordMap(id, words, ExploreService.accept(format, accept), caller).ok();
    }

    @GET
    @Path("/catalogs/{id}/word-map/projector.zip")
    @Produces(ExploreService.ZIP)
    @Operation(summary = "The word map for TensorBoard's Embedding Projector",
            description = "A zip of vectors.tsv and metadata.tsv (header word, count).")
    @APIResponse(responseCode = "200", description = "The zip", content = @Content(mediaType = ExploreService.ZIP,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such catalog of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = ProductExamples.NOT_FOUND)))
    public Response wordMapZip(@PathParam("id") @Parameter(example = ProductExamples.CATALOG_ID) long id,
                               @QueryParam("words") @Parameter(example = "200") Integer words) {
        return attachment(service.wordMap(id, words, ExploreService.ZIP, caller).ok(),
                "catalog-" + id + "-words-projector.zip");
    }

    /** A download the browser saves under {@code name}. */
    private static Response attachment(Response response, String name) {
        return Response.fromResponse(response).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
