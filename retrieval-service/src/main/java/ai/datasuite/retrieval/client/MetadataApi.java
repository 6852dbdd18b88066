package ai.datasuite.retrieval.client;

import java.util.List;

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

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** metadata-service's dataset catalogue; only {@link MetadataClient} uses this, with fault tolerance around it. */
@RegisterRestClient(configKey = "metadata")
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MetadataApi {

    @POST
    RemoteDataset create(NewRemoteDataset dataset);

    @GET
    List<RemoteDataset> list(@QueryParam("owner") String owner, @QueryParam("file_id") String fileId);

    /** {@code authorization} null: the caller's identity (IdentityPropagation); else this explicit one. */
    @GET
    @Path("/{id}")
    RemoteDataset get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @DELETE
    @Path("/{id}")
    void delete(@PathParam("id") String id);
}
