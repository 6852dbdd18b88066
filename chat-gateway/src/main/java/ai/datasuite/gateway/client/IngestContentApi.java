package ai.datasuite.gateway.client;

import java.io.InputStream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ingest-service's stored bytes of a file; only {@link IngestContentClient} uses this. */
@RegisterRestClient(configKey = "ingest-uploads")
@Path("/api/v1/files")
interface IngestContentApi {

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    InputStream content(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
