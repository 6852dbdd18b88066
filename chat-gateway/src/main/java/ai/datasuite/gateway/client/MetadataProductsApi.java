package ai.datasuite.gateway.client;

import java.io.File;
import java.io.InputStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import ai.datasuite.gateway.client.MetadataProductsClient.Catalog;
import ai.datasuite.gateway.client.MetadataProductsClient.CategoryList;
import ai.datasuite.gateway.client.MetadataProductsClient.Labels;
import ai.datasuite.gateway.client.MetadataProductsClient.PredictionsWrite;
import ai.datasuite.gateway.client.MetadataProductsClient.Product;
import ai.datasuite.gateway.client.MetadataProductsClient.ProductPage;

/**
 * metadata-service's product catalogs, products, data dictionary and category lists; only
 * {@link MetadataProductsClient} uses this. Every call carries an explicit identity (the caller's, also for jobs).
 * Methods answering {@link Response} are passed to the public API as they come (JSON, YAML or PNG).
 */
@RegisterRestClient(configKey = "metadata-products")
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MetadataProductsApi {

    @POST
    @Path("/catalogs")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    Catalog importCatalog(@QueryParam("name") String name, @QueryParam("source_name") String sourceName,
                          @QueryParam("format") String format, @QueryParam("mapping") String mapping,
                          @QueryParam("on_error") String onError, File body,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/catalogs")
    Response catalogs(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/catalogs/{id}")
    Catalog catalog(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/catalogs/{id}")
    Response catalogAsIs(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @DELETE
    @Path("/catalogs/{id}")
    void deleteCatalog(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PATCH
    @Path("/catalogs/{id}")
    Catalog patchCatalog(@PathParam("id") long id, JsonNode patch,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/catalogs/{id}/products")
    ProductPage products(@PathParam("id") long id, @QueryParam("page") int page, @QueryParam("size") int size,
                         @QueryParam("category") String category,
                         @QueryParam("predicted_category") String predictedCategory,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/catalogs/{id}/products")
    Response productsAsIs(@PathParam("id") long id, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                          @QueryParam("category") String category,
                          @QueryParam("predicted_category") String predictedCategory,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{productId}")
    Product product(@PathParam("productId") long productId,
                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{productId}")
    Response productAsIs(@PathParam("productId") long productId,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/catalogs/{id}/parquet")
    @Produces(MediaType.WILDCARD)
    InputStream parquet(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/catalogs/{id}/dictionary")
    Response dictionary(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PUT
    @Path("/catalogs/{id}/dictionary/{column}")
    Response describeColumn(@PathParam("id") long id, @PathParam("column") String column, JsonNode description,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/catalogs/{id}/{file}")
    @Produces(MediaType.WILDCARD)
    Response yaml(@PathParam("id") long id, @PathParam("file") String file,
                  @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PUT
    @Path("/catalogs/{id}/predictions")
    JsonNode putPredictions(@PathParam("id") long id, PredictionsWrite predictions,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/catalogs/{id}/labels")
    Labels labels(@PathParam("id") long id, @QueryParam("source") String source,
                  @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/categories/counts")
    @Produces(MediaType.WILDCARD) // format decides: JSON by default, png for the chart
    Response counts(@QueryParam("catalog_id") Long catalogId, @QueryParam("source") String source,
                    @QueryParam("format") String format, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/category-lists")
    Response categoryLists(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/category-lists/{name}")
    CategoryList categoryList(@PathParam("name") String name,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/category-lists/{name}")
    Response categoryListAsIs(@PathParam("name") String name,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PUT
    @Path("/category-lists/{name}")
    Response putCategoryList(@PathParam("name") String name, JsonNode list,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @DELETE
    @Path("/category-lists/{name}")
    void deleteCategoryList(@PathParam("name") String name,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
