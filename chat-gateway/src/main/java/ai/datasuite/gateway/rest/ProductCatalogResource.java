package ai.datasuite.gateway.rest;

import java.io.InputStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import ai.datasuite.gateway.product.CatalogDeletion;
import ai.datasuite.gateway.product.CatalogService;
import ai.datasuite.gateway.product.CatalogService.ParquetFile;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.Problems;

/**
 * Catalogs, products, the data dictionary, category lists and counts: metadata-service's answers passed as they are
 * (as the caller), the Parquet file streamed from the lake, and a delete that also removes the file and the index.
 */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
public class ProductCatalogResource {

    static final String PARQUET = "application/vnd.apache.parquet";
    static final String YAML = "text/yaml";
    static final String PNG = "image/png";
    static final String COLUMN = """
            {"name": "title", "type": "VARCHAR", "description": "The product's name (source column 'name')",
             "null_count": 0, "distinct_count": 2367, "min_length": 5, "max_length": 60, "min": null, "max": null,
             "examples": ["Sturdy Backpack", "Leather Wallet"]}""";
    static final String CATEGORY_LIST = """
            {"name": "default", "builtin": true, "owner": null, "categories": [{"name": "Books",
             "description": "Printed and electronic books"}, {"name": "Clothing", "description": "Apparel"}]}""";

    private final CatalogService catalogs;
    private final CatalogDeletion deletion;
    private final Caller caller;

    public ProductCatalogResource(CatalogService catalogs, CatalogDeletion deletion, Caller caller) {
        this.catalogs = catalogs;
        this.deletion = deletion;
        this.caller = caller;
    }

    @GET
    @Path("/catalogs")
    @Operation(summary = "Product catalogs", description = "Your catalogs (an admin: all), each version its own.")
    @APIResponse(responseCode = "200", description = "One page of catalogs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page",
                    value = "{\"items\": [" + ProductExamples.CATALOG + "], \"page\": 0, \"size\": 20,"
                            + " \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "page < 0 or size outside metadata's range",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response list(@QueryParam("page") @Parameter(example = "0") Integer page,
                         @QueryParam("size") @Parameter(example = "20") Integer size) {
        return catalogs.catalogs(page, size, caller).ok();
    }

    @GET
    @Path("/catalogs/{id}")
    @Operation(summary = "A product catalog", description = "Its name, version, mapping, counts and Parquet file.")
    @APIResponse(responseCode = "200", description = "The catalog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "catalog", value = ProductExamples.CATALOG)))
    @APIResponse(responseCode = "404", description = "No such catalog of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = ProductExamples.NOT_FOUND)))
    public Response get(@PathParam("id") @Parameter(example = ProductExamples.CATALOG_ID) long id) {
        return catalogs.catalogAsIs(id, caller).ok();
    }

    @DELETE
    @Path("/catalogs/{id}")
    @Operation(summary = "Delete a product catalog", description = "Its rows and dictionary, its Parquet file in"
            + " the lake and its retrieval collection.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such catalog of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = ProductExamples.NOT_FOUND)))
    public Response delete(@PathParam("id") @Parameter(example = ProductExamples.CATALOG_ID) long id) {
        deletion.delete(id, caller);
        return Response.noContent().build();
    }

    @GET
    @Path("/catalogs/{id}/products")
    @Operation(summary = "A catalog's products", description = "In row order, optionally of one true or predicted"
            + " category; size at most 500.")
    @APIResponse(responseCode = "200", description = "One page of products",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page",
                    value = "{\"items\": [" + ProductExamples.PRODUCT + "], \"page\": 0, \"size\": 100,"
                            + " \"total\": 2465}")))
    @APIResponse(responseCode = "400", description = "page < 0 or size outside 1..500",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such catalog of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = ProductExamples.NOT_FOUND)))
    public Response products(@PathParam("id") @Parameter(example = ProductExamples.CATALOG_ID) long id,
                             @QueryParam("page") @Parameter(example = "0") Integer page,
                             @QueryParam("size") @Parameter(example = "100") Integer size,
                             @QueryParam("category") @Parameter(example = "accessories") String category,
                             @QueryParam("predicted_category") @Parameter(example = "accessories")
                             String predictedCategory) {
        return catalogs.products(id, page, size, category, predictedCategory, caller).ok();
    }

    @GET
    @Path("/{productId:[0-9]+}")
    @Operation(summary = "A product", description = "With its attributes and its prediction (or null).")
    @APIResponse(responseCode = "200", description = "The product",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "product", value = ProductExamples.PRODUCT)))
    @APIResponse(responseCode = "404", description = "No such product of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response product(@PathParam("productId") @Parameter(example = ProductExamples.PRODUCT_ID) long productId) {
        return catalogs.product(productId, caller).ok();
    }

    @GET
    @Path("/catalogs/{id}/parquet")
    @Produces(PARQUET)
    @Operation(summary = "The catalog as Parquet", description = "Written by DuckDB from the SQL rows (row_number,"
            + " id, title, description, category, price DECIMAL(14,2), attributes as JSON text) and stored in the"
            + " lake; written now when the import job has not yet.")
    @APIResponse(responseCode = "200", description = "The Parquet file", content = @Content(mediaType = PARQUET,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such catalog of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = ProductExamples.NOT_FOUND)))
    public Response parquet(@PathParam("id") @Parameter(example = ProductExamples.CATALOG_ID) long id) {
        ParquetFile file = catalogs.parquet(id, caller);
        StreamingOutput body = out -> {
            try (InputStream in = file.bytes()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, PARQUET)
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"").build();
    }

    @GET
    @Path("/catalogs/{id}/dictionary")
    @Operation(summary = "The catalog's data dictionary", description = "Each column of the Parquet file: name, type,"
            + " description, null and distinct counts, min/max length (text) or value (numbers), examples.")
    @APIResponse(responseCode = "200", description = "The dictionary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "dictionary",
                    value = "{\"catalog_id\": 7, \"name\": \"retail-demo\", \"version\": 1, \"rows\": 2465,"
                            + " \"columns\": [" + COLUMN + "]}")))
    @APIResponse(responseCode = "404", description = "No such catalog of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = ProductExamples.NOT_FOUND)))
    public Response dictionary(@PathParam("id") @Parameter(example = ProductExamples.CATALOG_ID) long id) {
        return catalogs.dictionary(id, caller).ok();
    }

    @PUT
    @Path("/catalogs/{id}/dictionary/{column}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Describe a column", description = "Stores the column's description (1..2000 characters).")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "description",
            value = "{\"description\": \"The product's name as shown in the shop\"}")))
    @APIResponse(responseCode = "200", description = "The column",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "column", value = COLUMN)))
    @APIResponse(responseCode = "400", description = "An empty or too long description",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such catalog of yours, or no such column",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response describe(@PathParam("id") @Parameter(example = ProductExamples.CATALOG_ID) long id,
                             @PathParam("column") @Parameter(example = "title") String column, JsonNode body) {
        return catalogs.describeColumn(id, column, body, caller).ok();
    }

    @GET
    @Path("/catalogs/{id}/dictionary.yaml")
    @Produces(YAML)
    @Operation(summary = "The data dictionary as YAML", description = "dataset, version, rows and the columns with"
            + " name, type, description and statistics.")
    @APIResponse(responseCode = "200", description = "The YAML", content = @Content(mediaType = YAML,
            examples = @ExampleObject(name = "yaml", value = "dataset: retail-demo\nversion: 1\nrows: 2465\ncolumns:\n"
                    + "  - name: title\n    type: VARCHAR\n    description: The product's name\n")))
    @APIResponse(responseCode = "404", description = "No such catalog of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = ProductExamples.NOT_FOUND)))
    public Response dictionaryYaml(@PathParam("id") @Parameter(example = ProductExamples.CATALOG_ID) long id) {
        return catalogs.yaml(id, "dictionary.yaml", caller).ok();
    }

    @GET
    @Path("/catalogs/{id}/schema.yaml")
    @Produces(YAML)
    @Operation(summary = "The table schema as YAML", description = "Fields with name, type, nullable/required and"
            + " constraints; primary key row_number.")
    @APIResponse(responseCode = "200", description = "The YAML", content = @Content(mediaType = YAML,
            examples = @ExampleObject(name = "yaml", value = "name: retail-demo\nprimary_key: row_number\nfields:\n"
                    + "  - name: title\n    type: VARCHAR\n    required: true\n    constraints: {max_length: 500}\n")))
    @APIResponse(responseCode = "404", description = "No such catalog of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = ProductExamples.NOT_FOUND)))
    public Response schemaYaml(@PathParam("id") @Parameter(example = ProductExamples.CATALOG_ID) long id) {
        return catalogs.yaml(id, "schema.yaml", caller).ok();
    }

    @GET
    @Path("/categories/counts")
    @Produces({MediaType.APPLICATION_JSON, PNG})
    @Operation(summary = "Products per category", description = "The SQL GROUP BY count per predicted (default) or"
            + " true category, with the SQL it ran; uncategorized products count under null. A PNG bar chart"
            + " with format=png or 'Accept: image/png'.")
    @APIResponse(responseCode = "200", description = "The counts, or the chart",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "counts",
                    value = "{\"catalog_id\": 7, \"source\": \"predicted\", \"sql\": \"SELECT predicted_category AS"
                            + " category, COUNT(*) AS count FROM products WHERE catalog_id = ? GROUP BY"
                            + " predicted_category ORDER BY count DESC, category\", \"counts\": [{\"category\":"
                            + " \"apparel\", \"count\": 231}], \"total\": 2465}")),
                    @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "No catalog_id, an unknown source or format",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such catalog of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = ProductExamples.NOT_FOUND)))
    public Response counts(@QueryParam("catalog_id") @Parameter(example = ProductExamples.CATALOG_ID) Long catalogId,
                           @QueryParam("source") @Parameter(example = "predicted") String source,
                           @QueryParam("format") @Parameter(example = "png") String format,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return catalogs.counts(catalogId, source, format, accept, caller).ok();
    }

    @GET
    @Path("/category-lists")
    @Operation(summary = "Category lists", description = "The built-in 'default' (the eight seed categories) and"
            + " your own lists (an admin: all).")
    @APIResponse(responseCode = "200", description = "The lists",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "lists",
                    value = "{\"items\": [" + CATEGORY_LIST + "]}")))
    public Response categoryLists() {
        return catalogs.categoryLists(caller).ok();
    }

    @GET
    @Path("/category-lists/{name}")
    @Operation(summary = "A category list", description = "Its categories with their descriptions.")
    @APIResponse(responseCode = "200", description = "The list", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "list", value = CATEGORY_LIST)))
    @APIResponse(responseCode = "404", description = "No such list of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response categoryList(@PathParam("name") @Parameter(example = "default") String name) {
        return catalogs.categoryList(name, caller).ok();
    }

    @PUT
    @Path("/category-lists/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a category list", description = "2..100 unique names of 1..100 characters, each"
            + " with an optional description (it helps zero-shot and the LLM).")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "list",
            value = "{\"categories\": [{\"name\": \"apparel\", \"description\": \"clothing such as shirts\"},"
                    + " {\"name\": \"footwear\"}]}")))
    @APIResponse(responseCode = "200", description = "The list", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "list", value = "{\"name\":"
                    + " \"shop\", \"builtin\": false, \"owner\": \"alice\", \"categories\": [{\"name\": \"apparel\","
                    + " \"description\": \"clothing such as shirts\"}, {\"name\": \"footwear\", \"description\":"
                    + " null}]}")))
    @APIResponse(responseCode = "400", description = "Fewer than 2 or more than 100 names, duplicates, bad lengths",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "'default' is built in",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response putCategoryList(@PathParam("name") @Parameter(example = "shop") String name, JsonNode body) {
        return catalogs.putCategoryList(name, body, caller).ok();
    }

    @DELETE
    @Path("/category-lists/{name}")
    @Operation(summary = "Delete a category list", description = "Your own list; 'default' stays.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such list of yours",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "'default' is built in",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response deleteCategoryList(@PathParam("name") @Parameter(example = "shop") String name) {
        catalogs.deleteCategoryList(name, caller);
        return Response.noContent().build();
    }
}
