package ai.datasuite.metadata.rest;

import static ai.datasuite.metadata.rest.ProductExamples.COLUMN;
import static ai.datasuite.metadata.rest.ProductExamples.DESCRIBE;
import static ai.datasuite.metadata.rest.ProductExamples.DICTIONARY;
import static ai.datasuite.metadata.rest.ProductExamples.DICTIONARY_YAML;
import static ai.datasuite.metadata.rest.ProductExamples.NOT_FOUND;
import static ai.datasuite.metadata.rest.ProductExamples.SCHEMA_YAML;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.identity.Caller;
import ai.datasuite.metadata.product.DescriptionRequest;
import ai.datasuite.metadata.product.DictionaryService;
import ai.datasuite.metadata.product.DictionaryView;
import ai.datasuite.problem.Problems;

/**
 * The data dictionary of a catalog: statistics and descriptions as JSON, the dictionary and a table schema as YAML.
 * Same path root as {@link ProductCatalogResource}; same owner rules.
 */
@Path("/api/v1/products/catalogs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "Product catalogs: import, rows, Parquet, dictionary, predictions, counts")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
@APIResponse(responseCode = "404", description = "Unknown catalog, or another user's",
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
public class ProductDictionaryResource {

    static final String YAML = "text/yaml";
    private static final YAMLMapper YAML_MAPPER = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private final DictionaryService dictionary;
    private final Caller caller;

    public ProductDictionaryResource(DictionaryService dictionary, Caller caller) {
        this.dictionary = dictionary;
        this.caller = caller;
    }

    @GET
    @Path("/{id}/dictionary")
    @Operation(summary = "The catalog's data dictionary", description = "The Parquet file's columns with type,"
            + " description (edited, else one naming the source column) and statistics computed in SQL: null and"
            + " distinct counts, min/max length (text) or value (numbers), up to 5 distinct examples.")
    @APIResponse(responseCode = "200", description = "The dictionary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DictionaryView.class),
                    examples = @ExampleObject(name = "dictionary", value = DICTIONARY)))
    public DictionaryView get(@PathParam("id") long id) {
        return dictionary.dictionary(id, caller::canSee);
    }

    @PUT
    @Path("/{id}/dictionary/{column}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Describe a column", description = "1..2000 characters; stored with the catalog.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DescriptionRequest.class),
            examples = @ExampleObject(name = "description", value = DESCRIBE)))
    @APIResponse(responseCode = "200", description = "The column as the dictionary now shows it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DictionaryView.ColumnView.class),
                    examples = @ExampleObject(name = "column", value = COLUMN)))
    @APIResponse(responseCode = "400", description = "description missing, blank or over 2000 characters",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public DictionaryView.ColumnView describe(@PathParam("id") long id, @PathParam("column") String column,
                                              @Valid @NotNull DescriptionRequest body) {
        return dictionary.describe(id, column, body.description(), caller::canSee);
    }

    @GET
    @Path("/{id}/dictionary.yaml")
    @Produces(YAML)
    @Operation(summary = "The data dictionary as YAML", description = "dataset, version, rows, and per column"
            + " name, type, description and stats.")
    @APIResponse(responseCode = "200", description = "The dictionary",
            content = @Content(mediaType = YAML, examples = @ExampleObject(name = "dictionary",
                    value = DICTIONARY_YAML)))
    public Response dictionaryYaml(@PathParam("id") long id) {
        return yaml(dictionary.dictionaryDocument(id, caller::canSee), "dictionary-" + id + ".yaml");
    }

    @GET
    @Path("/{id}/schema.yaml")
    @Produces(YAML)
    @Operation(summary = "The table schema as YAML", description = "Fields with type, nullable, required and"
            + " constraints (max length, precision); primary key row_number.")
    @APIResponse(responseCode = "200", description = "The schema",
            content = @Content(mediaType = YAML, examples = @ExampleObject(name = "schema", value = SCHEMA_YAML)))
    public Response schemaYaml(@PathParam("id") long id) {
        return yaml(dictionary.schemaDocument(id, caller::canSee), "schema-" + id + ".yaml");
    }

    private static Response yaml(Object document, String fileName) {
        try {
            return Response.ok(YAML_MAPPER.writeValueAsString(document), YAML + "; charset=utf-8")
                    .header("Content-Disposition", "inline; filename=\"" + fileName + "\"").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The YAML document cannot be written", e);
        }
    }
}
