package ai.datasuite.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import ai.datasuite.gateway.client.RetrievalCollectionsClient.Items;
import ai.datasuite.gateway.client.RetrievalCollectionsClient.Similar;
import ai.datasuite.gateway.client.RetrievalCollectionsClient.Upserted;

/** retrieval-service's collections of arbitrary items; only {@link RetrievalCollectionsClient} uses this. */
@RegisterRestClient(configKey = "retrieval")
@Path("/api/v1/collections/{name}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface RetrievalCollectionsApi {

    @POST
    @Path("/items")
    Upserted upsert(@PathParam("name") String name, Items items,
                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @DELETE
    void delete(@PathParam("name") String name, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/items/{id}/similar")
    Similar similar(@PathParam("name") String name, @PathParam("id") String id, @QueryParam("k") int k,
                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    // One method per answer type: each sends exactly its own Accept (retrieval answers by it).

    @POST
    @Path("/projection")
    Response projectionJson(@PathParam("name") String name, JsonNode request,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/projection")
    @Produces("image/png")
    Response projectionPng(@PathParam("name") String name, JsonNode request,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/projection")
    @Produces("application/zip")
    Response projectionZip(@PathParam("name") String name, JsonNode request,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/word-map")
    Response wordMapJson(@PathParam("name") String name, JsonNode request,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/word-map")
    @Produces("image/png")
    Response wordMapPng(@PathParam("name") String name, JsonNode request,
                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/word-map")
    @Produces("application/zip")
    Response wordMapZip(@PathParam("name") String name, JsonNode request,
                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
