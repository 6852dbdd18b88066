package ai.datasuite.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * retrieval-service's document index; only {@link RetrievalClient} uses this. {@code authorization} null: the
 * caller of the current request is propagated; background work passes a token minted for the user.
 */
@RegisterRestClient(configKey = "retrieval")
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface RetrievalApi {

    @POST
    RetrievalIndexResult index(RetrievalIndexRequest request,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/search")
    RetrievalSearchResult search(RetrievalSearchRequest request,
                                 @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @DELETE
    RetrievalDeleteResult delete(@QueryParam("owner") String owner, @QueryParam("source_file_id") String sourceFileId,
                                 @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
