package ai.datasuite.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ai.datasuite.gateway.client.MetadataFineTuneClient.JobPage;
import ai.datasuite.gateway.client.MetadataFineTuneClient.JobPatch;
import ai.datasuite.gateway.client.MetadataFineTuneClient.NewJob;
import ai.datasuite.gateway.client.MetadataFineTuneClient.OwnerModel;
import ai.datasuite.gateway.client.MetadataFineTuneClient.RatedTurnPage;
import ai.datasuite.gateway.client.MetadataFineTuneClient.StoredJob;

/**
 * metadata-service's fine-tune job records and the rated chat turns a training set is built from; only
 * {@link MetadataFineTuneClient} uses this. Methods with an {@code authorization} parameter are called from background
 * work, where no request carries the caller: the job's owner is signed explicitly. The others propagate the caller.
 */
@RegisterRestClient(configKey = "metadata")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MetadataFineTuneApi {

    @POST
    @Path("/api/v1/fine-tune-jobs")
    StoredJob create(NewJob job);

    @GET
    @Path("/api/v1/fine-tune-jobs")
    JobPage list(@QueryParam("owner") String owner, @QueryParam("status") String status,
                 @QueryParam("page") int page, @QueryParam("size") int size,
                 @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/api/v1/fine-tune-jobs/{id}")
    StoredJob get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PATCH
    @Path("/api/v1/fine-tune-jobs/{id}")
    StoredJob patch(@PathParam("id") String id, JobPatch patch,
                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** The owner's newest succeeded job's model; 404 when there is none. */
    @GET
    @Path("/api/v1/fine-tune-jobs/model")
    OwnerModel model(@QueryParam("owner") String owner, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** Assistant answers the owner rated at least {@code minRating}, each with the question before it. */
    @GET
    @Path("/api/v1/conversations/rated")
    RatedTurnPage rated(@QueryParam("owner") String owner, @QueryParam("min_rating") int minRating,
                        @QueryParam("page") int page, @QueryParam("size") int size,
                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
