package ai.datasuite.retrieval.rest;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.identity.Caller;
import ai.datasuite.problem.Problems;
import ai.datasuite.retrieval.collection.CollectionService;
import ai.datasuite.retrieval.collection.CollectionView;
import ai.datasuite.retrieval.collection.ItemsRequest;
import ai.datasuite.retrieval.collection.Neighbours;
import ai.datasuite.retrieval.projection.ProjectionRequest;
import ai.datasuite.retrieval.projection.ProjectionService;
import ai.datasuite.retrieval.projection.ProjectionView;
import ai.datasuite.retrieval.projection.WordMapRequest;
import ai.datasuite.retrieval.projection.WordMapView;

@Path("/api/v1/collections")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid identity token (calls come through chat-gateway)",
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "no-token", value = IdentityExamples.UNAUTHORIZED)))
@Tag(name = "Collections", description = "General indexes of items (products, tickets, ...): upsert by id, similar"
        + " items, search by text, t-SNE projections and word maps; a collection belongs to its creator")
public class CollectionResource {

    static final String PNG = "image/png";
    static final String ZIP = "application/zip";

    private static final String ITEMS_EXAMPLE = """
            {"items": [{"id": "101", "text": "Leather backpack. A brown leather backpack with two pockets.",
                        "payload": {"title": "Leather backpack", "category": "accessories"}},
                       {"id": "102", "text": "Canvas tote bag. A roomy canvas tote for the beach.",
                        "payload": {"title": "Canvas tote bag", "category": "accessories"}}]}""";
    private static final String UPSERTED_EXAMPLE = """
            {"collection": "catalog-7", "upserted": 2, "count": 2465}""";
    private static final String VIEW_EXAMPLE = """
            {"name": "catalog-7", "owner": "alice", "count": 2465, "dimension": 384, "model": "e5-small-v2",
             "created_at": "2026-12-02T14:05:00.123Z"}""";
    private static final String LIST_EXAMPLE = "{\"items\": [" + VIEW_EXAMPLE + "]}";
    private static final String SIMILAR_EXAMPLE = """
            {"collection": "catalog-7", "id": "101",
             "neighbours": [{"id": "102", "score": 0.91,
                             "payload": {"title": "Canvas tote bag", "category": "accessories"}}]}""";
    private static final String SEARCH_EXAMPLE = """
            {"text": "bag for travel", "k": 10}""";
    private static final String FOUND_EXAMPLE = """
            {"collection": "catalog-7",
             "neighbours": [{"id": "101", "score": 0.86,
                             "payload": {"title": "Leather backpack", "category": "accessories"}}]}""";
    private static final String PROJECTION_REQUEST = """
            {"labels": {"101": "apparel"}, "max_points": 2000, "perplexity": 30, "seed": 42}""";
    private static final String PROJECTION_EXAMPLE = """
            {"collection": "catalog-7", "method": "t-SNE", "perplexity": 30.0, "total": 2465, "sampled": true,
             "points": [{"id": "101", "x": 1.2, "y": -3.4, "label": "apparel", "title": "Leather backpack"}]}""";
    private static final String WORD_MAP_REQUEST = """
            {"words": 200, "min_count": 2, "perplexity": 15, "seed": 42}""";
    private static final String WORD_MAP_EXAMPLE = """
            {"collection": "catalog-7", "method": "t-SNE",
             "words": [{"word": "leather", "count": 120, "x": 4.2, "y": -1.7}]}""";
    private static final String NAME_INVALID = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "A collection name is 1 to 63 lower-case letters, digits and hyphens, starting with a letter or\
             digit (e.g. catalog-7)", "field": "name"}""";
    private static final String TOO_MANY = """
            {"type": "urn:ai-data-suite:problem:payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "600 items in one request; at most 512 (send several)\
             (retrieval.collections.max-items-per-request)", "limit": "retrieval.collections.max-items-per-request",
             "max": 512, "requested": 600}""";
    private static final String K_LIMIT = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "k must be from 1 to 100 (retrieval.collections.max-k)", "field": "k",
             "limit": "retrieval.collections.max-k", "max": 100}""";
    private static final String TEXT_BLANK = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "text is missing or blank", "field": "text"}""";
    private static final String WORDS_LIMIT = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "words is 800; at most 500 (retrieval.collections.word-map.max-words)", "field": "words",
             "limit": "retrieval.collections.word-map.max-words", "max": 500}""";
    private static final String NOT_FOUND = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "There is no collection 'catalog-7' of yours"}""";
    private static final String LIMIT_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "max_points is 5000; at most 3000 (retrieval.collections.projection.max-points)",
             "field": "max_points", "limit": "retrieval.collections.projection.max-points", "max": 3000}""";

    private final CollectionService collections;
    private final ProjectionService projections;
    private final Caller caller;

    public CollectionResource(CollectionService collections, ProjectionService projections, Caller caller) {
        this.collections = collections;
        this.projections = projections;
        this.caller = caller;
    }

    @POST
    @Path("/{name}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Insert or replace items (by id)",
            description = "Embeds each item's text with e5-small-v2 (\"passage: \") and stores it with its payload in"
                    + " the collection's own vector-store collection (Qdrant when configured). The first upsert"
                    + " creates the collection, owned by the caller; another user's collection answers 404.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ItemsRequest.class),
            examples = @ExampleObject(name = "two-items", value = ITEMS_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ItemsRequest.Result.class),
                    examples = @ExampleObject(name = "upserted", value = UPSERTED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed name, no items, a blank or repeated id, a blank"
            + " or too long text, a reserved payload key (item_id, text)",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "bad-name", value = NAME_INVALID)))
    @APIResponse(responseCode = "404", description = "The collection belongs to another user",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    @APIResponse(responseCode = "413", description = "More items than one request may carry",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "too-many", value = TOO_MANY)))
    public ItemsRequest.Result upsert(@Parameter(example = "catalog-7") @PathParam("name") String name,
            ItemsRequest request) {
        return collections.upsert(caller, name, request);
    }

    @GET
    @Operation(summary = "The caller's collections (an admin's: all)")
    @APIResponse(responseCode = "200", description = "By name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CollectionView.Listing.class),
                    examples = @ExampleObject(name = "list", value = LIST_EXAMPLE)))
    public CollectionView.Listing list() {
        return collections.list(caller);
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One collection")
    @APIResponse(responseCode = "200", description = "The collection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CollectionView.class),
                    examples = @ExampleObject(name = "collection", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such collection, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public CollectionView get(@Parameter(example = "catalog-7") @PathParam("name") String name) {
        return collections.get(caller, name);
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete a collection", description = "Removes its vectors and its registry entry.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such collection, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public Response delete(@Parameter(example = "catalog-7") @PathParam("name") String name) {
        collections.delete(caller, name);
        return Response.noContent().build();
    }

    @GET
    @Path("/{name}/items/{id}/similar")
    @Operation(summary = "The items nearest to one item", description = "Cosine of the e5 vectors, best first; the"
            + " item itself is left out.")
    @APIResponse(responseCode = "200", description = "Neighbours",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Neighbours.Similar.class),
                    examples = @ExampleObject(name = "similar", value = SIMILAR_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "k out of 1..retrieval.collections.max-k",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "k-too-large", value = K_LIMIT)))
    @APIResponse(responseCode = "404", description = "No such collection or item",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public Neighbours.Similar similar(@Parameter(example = "catalog-7") @PathParam("name") String name,
            @Parameter(example = "101") @PathParam("id") String id,
            @Parameter(description = "How many (default 10)", example = "10") @QueryParam("k") Integer k) {
        return collections.similar(caller, name, id, k);
    }

    @POST
    @Path("/{name}/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The items nearest to a text", description = "The text is embedded with e5 (\"query: \").")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Neighbours.SearchRequest.class),
            examples = @ExampleObject(name = "search", value = SEARCH_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Neighbours.Found.class),
                    examples = @ExampleObject(name = "found", value = FOUND_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A blank or too long text, k out of range",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "blank-text", value = TEXT_BLANK)))
    @APIResponse(responseCode = "404", description = "No such collection, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public Neighbours.Found search(@Parameter(example = "catalog-7") @PathParam("name") String name,
            Neighbours.SearchRequest request) {
        return collections.search(caller, name, request);
    }

    @POST
    @Path("/{name}/projection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, PNG, ZIP})
    @Operation(summary = "A 2-D t-SNE of the items",
            description = "By Accept: JSON points (default), a PNG scatter coloured by label with a legend, or the"
                    + " TensorBoard Embedding Projector's files as a zip (vectors.tsv: one row of tab-separated"
                    + " floats per item; metadata.tsv: header id, label, title, then one row per item in the same"
                    + " order). Labels come from the request, else from each item's payload.category. Collections"
                    + " larger than max_points are sampled with the seed (sampled: true). Same seed and parameters,"
                    + " same picture; results are cached until the collection changes.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectionRequest.class),
            examples = @ExampleObject(name = "projection", value = PROJECTION_REQUEST)))
    @APIResponse(responseCode = "200", description = "The projection",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectionView.class),
                    examples = @ExampleObject(name = "points", value = PROJECTION_EXAMPLE)),
                @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "max_points above retrieval.collections.projection.max-points"
            + " or below 2, perplexity out of 1..100",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "too-many-points", value = LIMIT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such collection, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public Response projection(@Parameter(example = "catalog-7") @PathParam("name") String name,
            ProjectionRequest request, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        return switch (chosen(headers)) {
            case PNG -> Response.ok(projections.projectionPng(caller, name, request), PNG).build();
            case ZIP -> Response.ok(projections.projectionZip(caller, name, request), ZIP)
                    .header("Content-Disposition", "attachment; filename=\"" + name + "-projector.zip\"").build();
            default -> Response.ok(projections.projection(caller, name, request), MediaType.APPLICATION_JSON)
                    .build();
        };
    }

    @POST
    @Path("/{name}/word-map")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, PNG, ZIP})
    @Operation(summary = "A map of the collection's most frequent words",
            description = "Counts the words of the items' texts (lower-cased, stop words and numbers out), embeds the"
                    + " most frequent with e5 and projects them with t-SNE. By Accept: JSON (default), a PNG with the"
                    + " words drawn by count, or the Embedding Projector's zip (vectors.tsv; metadata.tsv with header"
                    + " word, count).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WordMapRequest.class),
            examples = @ExampleObject(name = "word-map", value = WORD_MAP_REQUEST)))
    @APIResponse(responseCode = "200", description = "The word map",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WordMapView.class),
                    examples = @ExampleObject(name = "words", value = WORD_MAP_EXAMPLE)),
                @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "words above retrieval.collections.word-map.max-words or below"
            + " 1, min_count below 1, perplexity out of 1..100",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "too-many-words", value = WORDS_LIMIT)))
    @APIResponse(responseCode = "404", description = "No such collection, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public Response wordMap(@Parameter(example = "catalog-7") @PathParam("name") String name,
            WordMapRequest request, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        return switch (chosen(headers)) {
            case PNG -> Response.ok(projections.wordMapPng(caller, name, request), PNG).build();
            case ZIP -> Response.ok(projections.wordMapZip(caller, name, request), ZIP)
                    .header("Content-Disposition", "attachment; filename=\"" + name + "-words-projector.zip\"")
                    .build();
            default -> Response.ok(projections.wordMap(caller, name, request), MediaType.APPLICATION_JSON).build();
        };
    }

    /** The first of the caller's accepted types (by preference) that this resource makes; JSON for wildcards. */
    static String chosen(HttpHeaders headers) {
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        for (MediaType type : accepted) {
            if (type.isWildcardType()) {
                return MediaType.APPLICATION_JSON;
            }
            String plain = type.getType() + "/" + type.getSubtype();
            if (plain.equals(PNG) || plain.equals(ZIP) || plain.equals(MediaType.APPLICATION_JSON)) {
                return plain;
            }
        }
        return MediaType.APPLICATION_JSON;
    }
}
