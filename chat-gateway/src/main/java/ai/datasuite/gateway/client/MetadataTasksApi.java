package ai.datasuite.gateway.client;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ai.datasuite.gateway.client.MetadataTasksClient.ImportedRows;

/** metadata-service's task import and match; only {@link MetadataTasksClient} uses this. */
@RegisterRestClient(configKey = "metadata")
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
interface MetadataTasksApi {

    @POST
    @Path("/import")
    @Consumes(MetadataTasksClient.JSONL)
    ImportedRows importJsonl(byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/match")
    Map<String, Object> match(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
