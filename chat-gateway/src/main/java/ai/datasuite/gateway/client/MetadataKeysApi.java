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

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** metadata-service's key store; only {@link MetadataKeysClient} uses this, with fault tolerance around it. */
@RegisterRestClient(configKey = "metadata")
@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MetadataKeysApi {

    /** 201; 409 when the hash is already stored. Needs an admin (the caller's identity, propagated). */
    @POST
    StoredKey create(NewStoredKey key);

    @GET
    StoredKeyPage list(@QueryParam("user_id") String userId, @QueryParam("page") int page,
                       @QueryParam("size") int size);

    @GET
    @Path("/{id}")
    StoredKey get(@PathParam("id") String id);

    @DELETE
    @Path("/{id}")
    void delete(@PathParam("id") String id);

    /** 200 or 404; only role service may ask, so the gateway signs its own identity here explicitly. */
    @GET
    @Path("/lookup/{key_hash}")
    StoredKey lookup(@PathParam("key_hash") String keyHash, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
