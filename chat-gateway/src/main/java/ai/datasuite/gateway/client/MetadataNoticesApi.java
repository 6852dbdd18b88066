package ai.datasuite.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ai.datasuite.gateway.client.MetadataNoticesClient.NewNotice;
import ai.datasuite.gateway.client.MetadataNoticesClient.NoticePage;
import ai.datasuite.gateway.client.MetadataNoticesClient.StoredNotice;

/** metadata-service's notice board; the caller of the request is propagated. Only {@link MetadataNoticesClient}. */
@RegisterRestClient(configKey = "metadata")
@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MetadataNoticesApi {

    @POST
    StoredNotice create(NewNotice notice);

    @GET
    NoticePage list(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/{id}")
    StoredNotice get(@PathParam("id") String id);

    @DELETE
    @Path("/{id}")
    void delete(@PathParam("id") String id);
}
