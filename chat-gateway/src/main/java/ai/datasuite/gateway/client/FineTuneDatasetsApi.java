package ai.datasuite.gateway.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ai.datasuite.gateway.client.FineTuneDatasetsClient.DatasetPage;
import ai.datasuite.gateway.client.FineTuneDatasetsClient.RowPage;

/**
 * retrieval-service's Q&A datasets, read for a fine-tune training set; only {@link FineTuneDatasetsClient} uses
 * this. Called from background work: the job's owner is signed explicitly.
 */
@RegisterRestClient(configKey = "retrieval")
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
interface FineTuneDatasetsApi {

    @GET
    DatasetPage list(@QueryParam("owner") String owner, @QueryParam("page") int page, @QueryParam("size") int size,
                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{id}/rows")
    RowPage rows(@PathParam("id") String id, @QueryParam("page") int page, @QueryParam("size") int size,
                 @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
