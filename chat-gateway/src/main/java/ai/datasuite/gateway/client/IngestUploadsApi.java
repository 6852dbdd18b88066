package ai.datasuite.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * ingest-service's upload for files read from disk, with the answer's status (201 stored, 200 stored before); its
 * own config key ({@code ingest-uploads}) so large files get a longer read timeout than {@link IngestApi}'s calls.
 * Only {@link IngestUploadsClient} uses this.
 */
@RegisterRestClient(configKey = "ingest-uploads")
@Path("/api/v1/files")
interface IngestUploadsApi {

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    RestResponse<IngestFile> upload(ClientMultipartForm form,
                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
