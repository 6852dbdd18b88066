package ai.datasuite.metadata.rest;

import static ai.datasuite.metadata.rest.ProductExamples.DEFAULT_CONFLICT;
import static ai.datasuite.metadata.rest.ProductExamples.LIST;
import static ai.datasuite.metadata.rest.ProductExamples.LISTS;
import static ai.datasuite.metadata.rest.ProductExamples.LIST_WRITE;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import ai.datasuite.identity.Caller;
import ai.datasuite.metadata.product.CategoryListRequest;
import ai.datasuite.metadata.product.CategoryListView;
import ai.datasuite.metadata.product.CategoryLists;
import ai.datasuite.problem.Problems;

/**
 * Named category lists for categorization: the built-in 'default' (read-only) and each caller's own; an admin
 * sees everyone's.
 */
@Path("/api/v1/products/category-lists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "Product catalogs: import, rows, Parquet, dictionary, predictions, counts")
@SecurityRequirement(name = IdentityDoc.SCHEME)
@APIResponse(responseCode = "401", description = IdentityDoc.UNAUTHORIZED,
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = IdentityDoc.UNAUTHORIZED_EXAMPLE)))
public class CategoryListResource {

    private final CategoryLists lists;
    private final Caller caller;

    public CategoryListResource(CategoryLists lists, Caller caller) {
        this.lists = lists;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List category lists", description = "'default' first, then the caller's own (an admin:"
            + " everyone's) by name.")
    @APIResponse(responseCode = "200", description = "The lists",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CategoryListsView.class),
                    examples = @ExampleObject(name = "lists", value = LISTS)))
    public CategoryListsView list() {
        return new CategoryListsView(lists.list(caller));
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Get a category list", description = "The caller's own list of that name ('default' is"
            + " everyone's).")
    @APIResponse(responseCode = "200", description = "The list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CategoryListView.class),
                    examples = @ExampleObject(name = "list", value = LIST)))
    @APIResponse(responseCode = "404", description = "No such list of the caller",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public CategoryListView get(@PathParam("name") String name) {
        return lists.find(name, caller);
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a category list", description = "2..100 categories, names unique and"
            + " 1..100 characters, descriptions optional. The list belongs to the caller.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CategoryListRequest.class),
            examples = @ExampleObject(name = "list", value = LIST_WRITE)))
    @APIResponse(responseCode = "200", description = "The stored list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CategoryListView.class),
                    examples = @ExampleObject(name = "list", value = LIST)))
    @APIResponse(responseCode = "400", description = "Fewer than 2 or more than 100 categories, a duplicate or"
            + " bad name", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "'default' is built in",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "default", value = DEFAULT_CONFLICT)))
    public CategoryListView put(@PathParam("name") String name, @Valid @NotNull CategoryListRequest body) {
        return lists.put(name, body, caller.id());
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete one of the caller's category lists")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such list of the caller",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "'default' is built in",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public RestResponse<Void> delete(@PathParam("name") String name) {
        lists.delete(name, caller.id());
        return RestResponse.noContent();
    }

    /** {@code {"items": [...]}}. */
    @Schema(name = "CategoryLists")
    public record CategoryListsView(List<CategoryListView> items) {
    }
}
