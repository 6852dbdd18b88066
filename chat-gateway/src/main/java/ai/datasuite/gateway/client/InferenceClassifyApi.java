package ai.datasuite.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ai.datasuite.gateway.client.InferenceClassifyClient.Classified;
import ai.datasuite.gateway.client.InferenceClassifyClient.FewShot;
import ai.datasuite.gateway.client.InferenceClassifyClient.ZeroShot;

/** inference-service's text classification; only {@link InferenceClassifyClient} uses this. */
@RegisterRestClient(configKey = "inference")
@Path("/api/v1/classify")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface InferenceClassifyApi {

    @POST
    @Path("/zero-shot")
    Classified zeroShot(ZeroShot request, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/few-shot")
    Classified fewShot(FewShot request, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
