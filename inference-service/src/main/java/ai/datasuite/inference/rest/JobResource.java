package ai.datasuite.inference.rest;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.identity.Caller;
import ai.datasuite.inference.job.JobTracker;
import ai.datasuite.inference.job.JobView;
import ai.datasuite.inference.job.JobViewer;
import ai.datasuite.inference.job.PredictionJob;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/** Jobs belong to whoever started them: a user sees their own, an admin everyone's (scheduled runs included). */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "jobs", description = "Batch jobs of this instance: run the comment prediction now, follow its progress")
public class JobResource {

    static final String RUNNING = """
            {"id": "0f8e2a52-8f8a-4d55-9d0e-3f1c2a6b7c11", "kind": "predict", "trigger": "manual", "owner": "alice", "status": "running",
             "worker": "host-1:4242:9f3a01bc", "claimed": 64, "predicted": 63, "failed": 1, "rejected": 0,
             "started_at": "2026-11-26T10:00:00Z", "finished_at": null, "message": null, "result": null}""";
    static final String DONE = """
            {"id": "0f8e2a52-8f8a-4d55-9d0e-3f1c2a6b7c11", "kind": "predict", "trigger": "manual", "owner": "alice", "status": "succeeded",
             "worker": "host-1:4242:9f3a01bc", "claimed": 70, "predicted": 69, "failed": 1, "rejected": 0,
             "started_at": "2026-11-26T10:00:00Z", "finished_at": "2026-11-26T10:00:02Z",
             "message": "3 batches: 70 claimed, 69 predicted, 1 failed, 0 rejected", "result": null}""";

    private final PredictionJob prediction;
    private final JobTracker tracker;
    private final Caller caller;

    public JobResource(PredictionJob prediction, JobTracker tracker, Caller caller) {
        this.prediction = prediction;
        this.tracker = tracker;
        this.caller = caller;
    }

    @POST
    @Path("/predict")
    @Operation(summary = "Predict pending comments now",
            description = "Starts the batch job that the scheduler otherwise runs on inference.jobs.predict.cron. "
                    + "It claims pending comments in batches, classifies them and writes the results back; follow it "
                    + "at the Location. Any signed-in caller may start it; the job is theirs. It works on everyone's "
                    + "pending comments, with this service's own identity towards metadata-service.")
    @APIResponse(responseCode = "202", description = "Started; Location names the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "started", value = RUNNING)))
    @APIResponse(responseCode = "409", description = "A prediction job is already running on this instance (named "
            + "only to its owner and admins)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "job-running",
                    value = "{\"type\": \"urn:ai-data-suite:problem:job-running\", \"title\": \"Job already running\", \"status\": 409, \"detail\": \"a predict job is already running on this instance (0f8e2a52-...); follow it at /api/v1/jobs/0f8e2a52-... and start another when it has finished\", \"running_job_id\": \"0f8e2a52-8f8a-4d55-9d0e-3f1c2a6b7c11\"}")))
    public Response predict() {
        JobView job = prediction.runNow(JobViewer.of(caller));
        return Response.accepted(job).location(URI.create("/api/v1/jobs/" + job.id())).build();
    }

    @GET
    @Operation(summary = "Recent jobs", description = "Newest first; in memory on this instance. The caller's own "
            + "jobs; an admin's list holds everyone's, scheduled runs included. Scheduled runs that found nothing to do "
            + "are not kept.")
    @APIResponse(responseCode = "200", description = "The jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "jobs", value = "[" + DONE + "]")))
    public List<JobView> list() {
        return tracker.recent(JobViewer.of(caller));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A job's progress", description = "The counters move after every batch while it runs. "
            + "Another user's job answers 404, as an unknown one does.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "running", value = RUNNING), @ExampleObject(name = "succeeded", value = DONE)}))
    @APIResponse(responseCode = "404", description = "Unknown job, one pushed out of the history, or another user's",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not-found",
                    value = "{\"type\": \"urn:ai-data-suite:problem:not-found\", \"title\": \"Not found\", \"status\": 404, \"detail\": \"job 'nope' is unknown on this instance\"}")))
    public JobView get(@Parameter(example = "0f8e2a52-8f8a-4d55-9d0e-3f1c2a6b7c11") @PathParam("id") String id) {
        return tracker.find(id, JobViewer.of(caller)).orElseThrow(() -> ProblemException.notFound("job '" + id + "' is unknown on this instance"));
    }
}
