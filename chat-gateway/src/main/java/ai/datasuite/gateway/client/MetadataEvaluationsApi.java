package ai.datasuite.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ai.datasuite.gateway.client.MetadataEvaluationsClient.Comparison;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.Evaluation;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.EvaluationPage;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.EvaluationTask;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.NewEvaluation;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.Result;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.ResultPage;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.ResultWrite;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.StatusPatch;

/**
 * metadata-service's evaluation runs (internal: only the gateway reaches them) and the one task read a run needs;
 * only {@link MetadataEvaluationsClient} uses this. {@code authorization} null: the current request's caller is
 * propagated; the runner passes the run owner's or the gateway's own token.
 */
@RegisterRestClient(configKey = "metadata")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MetadataEvaluationsApi {

    @POST
    @Path("/api/v1/evaluations")
    Evaluation create(NewEvaluation run, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/api/v1/evaluations")
    EvaluationPage list(@QueryParam("page") int page, @QueryParam("size") int size,
                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/api/v1/evaluations/{id}")
    Evaluation get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PATCH
    @Path("/api/v1/evaluations/{id}")
    Evaluation patch(@PathParam("id") String id, StatusPatch patch,
                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/api/v1/evaluations/{id}/cancel")
    Evaluation cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/api/v1/evaluations/{id}/results")
    ResultPage results(@PathParam("id") String id, @QueryParam("status") String status,
                       @QueryParam("correct") String correct, @QueryParam("level") String level,
                       @QueryParam("page") int page, @QueryParam("size") int size,
                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PUT
    @Path("/api/v1/evaluations/{id}/results/{task_id}")
    Result putResult(@PathParam("id") String id, @PathParam("task_id") String taskId, ResultWrite result,
                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/api/v1/evaluations/compare")
    Comparison compare(@QueryParam("a") String a, @QueryParam("b") String b,
                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/api/v1/evaluations/charts/accuracy")
    @Produces(MediaType.WILDCARD) // format decides: JSON by default, png for the chart
    Response accuracyChart(@QueryParam("runs") String runs, @QueryParam("format") String format);

    @GET
    @Path("/api/v1/evaluations/{id}/charts/latency")
    @Produces(MediaType.WILDCARD) // format decides: JSON by default, png for the chart
    Response latencyChart(@PathParam("id") String id, @QueryParam("bins") String bins,
                          @QueryParam("format") String format);

    @GET
    @Path("/api/v1/evaluations/compare/chart")
    @Produces(MediaType.WILDCARD) // format decides: JSON by default, png for the chart
    Response compareChart(@QueryParam("a") String a, @QueryParam("b") String b, @QueryParam("format") String format);

    /** A task with the linked files its reader may see (an annotator: their own; an admin: all). */
    @GET
    @Path("/api/v1/tasks/{task_id}")
    EvaluationTask task(@PathParam("task_id") String taskId,
                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
