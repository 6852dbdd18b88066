package ai.datasuite.gateway.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ingest-service's stored bytes of a file, for the images an evaluation run sends; only {@link EvaluationFilesClient}. */
@RegisterRestClient(configKey = "ingest")
@Path("/api/v1/files")
interface EvaluationFilesApi {

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    byte[] content(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
