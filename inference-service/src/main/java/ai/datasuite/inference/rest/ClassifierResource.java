package ai.datasuite.inference.rest;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.identity.Caller;
import ai.datasuite.inference.job.JobView;
import ai.datasuite.inference.job.JobViewer;
import ai.datasuite.inference.serving.LoadReport;
import ai.datasuite.inference.serving.ModelRegistry;
import ai.datasuite.inference.serving.ModelView;
import ai.datasuite.inference.serving.UnloadReport;
import ai.datasuite.inference.training.RetrainService;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * The text-classification models this service serves. Under /api/v1/classifiers (not /models, which at the gateway
 * are retrieval-service's embedding models): anyone signed in reads them, only admins load, unload and retrain.
 */
@Path(ClassifierResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Classifiers", description = "Registered text-classification models: state, memory, load and unload, retraining")
public class ClassifierResource {

    public static final String PATH = "/api/v1/classifiers";

    private static final String MODEL_EXAMPLE = """
            {"id": "emotion", "version": "v1", "source": "BuiltinEmotionModel", "state": "loaded", "loaded": true,
             "labels": ["anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"],
             "input_names": ["input_ids", "attention_mask"], "output_name": "logits", "max_length": 512,
             "memory": {"model_file_bytes": 328495616, "memory_bytes": 412106752, "process_rss_bytes": 905211904},
             "batching": {"runs": 120, "texts": 1830, "requests": 1502, "largest_batch": 32},
             "loaded_at": "2026-11-25T10:15:30.123456Z"}""";
    private static final String LOAD_EXAMPLE = """
            {"id": "emotion", "version": "v1", "already_loaded": false, "memory_bytes": 412106752,
             "model_file_bytes": 328495616, "rss_before_bytes": 493105152, "rss_after_bytes": 905211904,
             "load_millis": 1480, "model": {"id": "emotion", "version": "v1", "state": "loaded", "loaded": true}}""";
    private static final String UNLOAD_EXAMPLE = """
            {"id": "emotion", "version": "v1", "was_loaded": true, "closed": true, "released_bytes": 398458880,
             "memory_bytes_at_load": 412106752, "model_file_bytes": 328495616, "rss_before_bytes": 905211904,
             "rss_after_bytes": 506753024}""";
    private static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No model 'sentiment'; GET /api/v1/classifiers lists the models"}""";
    private static final String LOAD_FAILED_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:model-load-failed", "title": "Model could not be loaded",
             "status": 500, "detail": "Model 'mine' version 1 could not be loaded: the model folder has no tokenizer.json",
             "model": "mine"}""";

    static final String RETRAIN_EXAMPLE = """
            {"id": "5b0d7c1e-2f4a-4c11-9b8e-0a6c3d2e1f00", "kind": "retrain", "trigger": "manual",
             "owner": "alice", "status": "running", "worker": "alice", "claimed": 0, "predicted": 0, "failed": 0, "rejected": 0,
             "started_at": "2026-11-26T10:00:00Z", "finished_at": null,
             "message": "embedding training texts: 12800/36308", "result": null}""";
    static final String RETRAINED_EXAMPLE = """
            {"id": "5b0d7c1e-2f4a-4c11-9b8e-0a6c3d2e1f00", "kind": "retrain", "trigger": "manual",
             "owner": "alice", "status": "succeeded", "worker": "alice", "claimed": 0, "predicted": 0, "failed": 0, "rejected": 0,
             "started_at": "2026-11-26T10:00:00Z", "finished_at": "2026-11-26T10:04:10Z",
             "message": "v2 trained on 36308 GoEmotions rows + 120 labelled comments; dev macro-F1 0.6150 vs 0.6121 (v1); promoted: not worse on dev",
             "result": {"new_version": "v2", "previous_version": "v1", "promoted": true, "forced": false,
                        "labelled_comments": 120, "train_rows": 36308,
                        "new_dev": {"n": 4946, "accuracy": 0.688, "macro_f1": 0.615, "per_label": {}},
                        "previous_dev": {"n": 4946, "accuracy": 0.687, "macro_f1": 0.6121, "per_label": {}},
                        "seconds": 250.1}}""";

    static final String FORBIDDEN_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Loading a classifier needs the admin role; your key has the role 'user'."}""";

    private final ModelRegistry registry;
    private final RetrainService retrain;
    private final Caller caller;

    public ClassifierResource(ModelRegistry registry, RetrainService retrain, Caller caller) {
        this.registry = registry;
        this.retrain = retrain;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List the models",
            description = "Every registered model (built-in and configured), loaded or not, with its labels, input"
                    + " names, max length, memory and micro-batching counters.")
    @APIResponse(responseCode = "200", description = "The models, by id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ModelView.class),
                    examples = @ExampleObject(name = "models", value = "[" + MODEL_EXAMPLE + "]")))
    public List<ModelView> list() {
        return registry.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one model")
    @APIResponse(responseCode = "200", description = "The model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ModelView.class),
                    examples = @ExampleObject(name = "model", value = MODEL_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown model",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    public ModelView get(@Parameter(description = "Model id", example = "emotion") @PathParam("id") String id) {
        return registry.find(id).orElseThrow(() -> ProblemException.notFound(
                "No model '" + id + "'; GET " + PATH + " lists the models"));
    }

    @POST
    @Path("/{id}/load")
    @Operation(summary = "Load a model (admin)",
            description = "Creates the ONNX session and the tokenizer. Answers what the process RSS grew by; loading"
                    + " a loaded model changes nothing (already_loaded). Needs the admin role.")
    @APIResponse(responseCode = "200", description = "Loaded (or already loaded)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LoadReport.class),
                    examples = @ExampleObject(name = "loaded", value = LOAD_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown model",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "500", description = "The model folder could not be loaded",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "load-failed", value = LOAD_FAILED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The caller is not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "forbidden", value = FORBIDDEN_EXAMPLE)))
    public LoadReport load(@Parameter(description = "Model id", example = "emotion") @PathParam("id") String id) {
        caller.requireAdmin("Loading a classifier");
        return registry.load(id);
    }

    @POST
    @Path("/{id}/unload")
    @Operation(summary = "Unload a model (admin)",
            description = "Waits for its running predictions, then closes the ONNX session and the tokenizer (native"
                    + " memory freed) and answers how much the process RSS shrank. Predictions then answer 409 until"
                    + " it is loaded again. Unloading an unloaded model changes nothing (was_loaded false). Needs the"
                    + " admin role.")
    @APIResponse(responseCode = "200", description = "Unloaded; what was released",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UnloadReport.class),
                    examples = @ExampleObject(name = "unloaded", value = UNLOAD_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown model",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The caller is not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden",
                    value = "{\"type\": \"urn:ai-data-suite:problem:forbidden\", \"title\": \"Forbidden\", \"status\": 403, \"detail\": \"Unloading a classifier needs the admin role; your key has the role 'annotator'.\"}")))
    public UnloadReport unload(@Parameter(description = "Model id", example = "emotion") @PathParam("id") String id) {
        caller.requireAdmin("Unloading a classifier");
        return registry.unload(id);
    }

    @POST
    @Path("/{id}/retrain")
    @Operation(summary = "Retrain the built-in emotion model from feedback (admin)",
            description = "Trains a new version of the built-in model's head on GoEmotions train.tsv plus every "
                    + "labelled comment, evaluates it on GoEmotions dev beside the served version, and promotes "
                    + "it only when its dev macro-F1 is not lower, or when force=true. Runs in the background: follow "
                    + "the job at the Location; its message says what it is doing and its result holds both "
                    + "versions' dev metrics. The first run embeds the training texts (minutes); later runs reuse "
                    + "the cached features and embed only the labelled comments.")
    @APIResponse(responseCode = "202", description = "Started; Location names the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class),
                    examples = {@ExampleObject(name = "started", value = RETRAIN_EXAMPLE),
                            @ExampleObject(name = "finished (GET the Location)", value = RETRAINED_EXAMPLE)}))
    @APIResponse(responseCode = "400", description = "force is not true or false",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "validation",
                    value = "{\"type\": \"urn:ai-data-suite:problem:validation\", \"title\": \"Invalid request\", \"status\": 400, \"detail\": \"force must be true or false, not 'maybe'\"}")))
    @APIResponse(responseCode = "403", description = "The caller is not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden",
                    value = "{\"type\": \"urn:ai-data-suite:problem:forbidden\", \"title\": \"Forbidden\", \"status\": 403, \"detail\": \"Retraining a classifier needs the admin role; your key has the role 'user'.\"}")))
    @APIResponse(responseCode = "404", description = "Not the built-in model",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "A retrain is already running, or the id serves a configured export, which retraining never replaces",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "configured-export",
                    value = "{\"type\": \"urn:ai-data-suite:problem:conflict\", \"title\": \"Conflict\", \"status\": 409, \"detail\": \"model 'emotion' is served from config, not from the built-in model; retraining would replace it. Remove inference.serving.models.emotion.path to retrain\"}")))
    @APIResponse(responseCode = "503", description = "The GoEmotions training data is not where the configuration says",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "training-data-missing",
                    value = "{\"type\": \"urn:ai-data-suite:problem:training-data-missing\", \"title\": \"Training data missing\", \"status\": 503, \"detail\": \"GoEmotions train.tsv and dev.tsv are not in the folder inference.training.goemotions-dir names; set INFERENCE_TRAINING_GOEMOTIONS_DIR to their folder\"}")))
    public Response retrain(@Parameter(description = "Model id", example = "emotion") @PathParam("id") String id,
                            @Parameter(description = "promote even when worse on dev", example = "false")
                            @QueryParam("force") @DefaultValue("false") String force) {
        caller.requireAdmin("Retraining a classifier");
        // Strict: a typo must not quietly mean "false" on an admin decision.
        if (!force.equals("true") && !force.equals("false")) {
            throw ProblemException.validation("force must be true or false, not '" + force + "'", null);
        }
        JobView job = retrain.start(id, Boolean.parseBoolean(force), JobViewer.of(caller));
        return Response.accepted(job).location(URI.create("/api/v1/jobs/" + job.id())).build();
    }
}
