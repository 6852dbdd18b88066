package ai.datasuite.ingest.client;

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

/** metadata-service's file endpoints; only {@link MetadataClient} uses this, with fault tolerance around it. */
@RegisterRestClient(configKey = "metadata")
@Path("/api/v1/files")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MetadataApi {

    @POST
    RemoteFile create(NewFile file);

    @GET
    @Path("/{id}")
    RemoteFile get(@PathParam("id") String id);

    @GET
    RemotePage list(@QueryParam("owner_id") String ownerId,
                    @QueryParam("sha256") String sha256,
                    @QueryParam("data_type") String dataType,
                    @QueryParam("media_type") String mediaType,
                    @QueryParam("tag") String tag,
                    @QueryParam("task_id") String taskId,
                    @QueryParam("name") String name,
                    @QueryParam("page") Integer page,
                    @QueryParam("size") Integer size);

    @DELETE
    @Path("/{id}")
    void delete(@PathParam("id") String id);

    @POST
    @Path("/references")
    References.Answer references(References.Query query);
}
