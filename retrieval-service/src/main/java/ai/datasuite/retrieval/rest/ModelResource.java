package ai.datasuite.retrieval.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.identity.Caller;
import ai.datasuite.identity.Roles;
import ai.datasuite.problem.Problems;
import ai.datasuite.retrieval.model.BenchmarkReport;
import ai.datasuite.retrieval.model.BenchmarkRequest;
import ai.datasuite.retrieval.model.FindContextRequest;
import ai.datasuite.retrieval.model.FindContextResponse;
import ai.datasuite.retrieval.model.FitRequest;
import ai.datasuite.retrieval.model.FitResult;
import ai.datasuite.retrieval.model.LoadReport;
import ai.datasuite.retrieval.model.ModelEvaluation;
import ai.datasuite.retrieval.model.ModelIdRequest;
import ai.datasuite.retrieval.model.ModelRegistry;
import ai.datasuite.retrieval.model.ModelSearch;
import ai.datasuite.retrieval.model.ModelView;
import ai.datasuite.retrieval.model.QualityReport;
import ai.datasuite.retrieval.model.QualityTestRequest;
import ai.datasuite.retrieval.model.RemoveReport;
import ai.datasuite.retrieval.model.UnloadReport;

/**
 * Retrieval models under the product's existing paths ({@code /api/v1/models/<verb>}); the dataset listing
 * ({@code GET get_datasets}) lives with the datasets. Models are the team's shared resources: any verified caller may
 * use any model; a model's owner (who fitted it) and admins may remove it; remove_all is for admins.
 */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid identity token (calls come through chat-gateway)",
        content = @Content(mediaType = Problems.MEDIA_TYPE,
                examples = @ExampleObject(name = "no-token", value = IdentityExamples.UNAUTHORIZED)))
@Tag(name = "Models", description = "Fit, save, load and remove retrieval models; find contexts; quality and speed")
public class ModelResource {

    private static final String FIT_REQUEST = """
            {"dataset_id": "squad", "model_type": "tfidf", "model_id": "squad-tfidf-bigrams",
             "params": {"ngram_range": [1, 2], "sublinear_tf": true, "stop_words": "english"}}""";
    private static final String FIT_BM25 = """
            {"dataset_id": "squad", "model_type": "bm25", "params": {"k1": 1.2, "b": 0.75}}""";
    private static final String FIT_RESULT = """
            {"model_id": "squad-tfidf-bigrams", "model_type": "tfidf", "dataset_id": "squad",
             "params": {"ngram_range": [1, 2], "min_df": 1, "max_df": 1.0, "max_features": null,
                        "sublinear_tf": true, "stop_words": "english", "lowercase": true, "norm": "l2",
                        "smooth_idf": true, "use_idf": true},
             "fit_millis": 1840, "size_bytes": 3912044, "contexts": 1635, "vectors": 1635,
             "created_at": "2026-11-26T10:00:00.123Z", "owner": "alice"}""";
    private static final String BAD_PARAM = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "Parameter 'norm' of model_type tfidf must be one of l2, l1, none (got \\"l3\\")",
             "param": "norm", "allowed": ["l2", "l1", "none"]}""";
    private static final String UNKNOWN_PARAM = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "Unknown parameter 'alpha' for model_type bm25; allowed: k1, b, ngram_range, stop_words, lowercase",
             "param": "alpha", "allowed": ["k1", "b", "ngram_range", "stop_words", "lowercase"]}""";
    private static final String CONFLICT = """
            {"type": "urn:ai-data-suite:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "A model 'squad-tfidf-bigrams' exists already; remove it first or choose another model_id"}""";
    private static final String NOT_FOUND = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No model 'nope'; GET /api/v1/models/list_model lists the saved models"}""";
    private static final String MODEL_ID = """
            {"model_id": "squad-tfidf-bigrams"}""";
    private static final String LIST = """
            [{"model_id": "squad-tfidf-bigrams", "model_type": "tfidf", "dataset_id": "squad",
              "params": {"ngram_range": [1, 2], "min_df": 1, "max_df": 1.0, "max_features": null,
                         "sublinear_tf": true, "stop_words": "english", "lowercase": true, "norm": "l2",
                         "smooth_idf": true, "use_idf": true},
              "created_at": "2026-11-26T10:00:00.123Z", "fit_millis": 1840, "size_bytes": 3912044,
              "contexts": 1635, "loaded": true, "memory_bytes": 12694312,
              "loaded_at": "2026-11-26T10:00:00.456Z", "load_millis": 310, "owner": "alice"},
             {"model_id": "bm25-1c9e20aa", "model_type": "bm25", "dataset_id": "squad",
              "params": {"k1": 1.2, "b": 0.75, "ngram_range": [1, 1], "stop_words": null, "lowercase": true},
              "created_at": "2026-11-26T09:00:00Z", "fit_millis": 420, "size_bytes": 1633110, "contexts": 1635,
              "loaded": false, "memory_bytes": null, "loaded_at": null, "load_millis": null, "owner": "bob"}]""";
    private static final String LOADED = """
            {"model_id": "squad-tfidf-bigrams", "already_loaded": false, "load_millis": 310,
             "memory_bytes": 12694312}""";
    private static final String UNLOADED = """
            {"model_id": "squad-tfidf-bigrams", "was_loaded": true, "released_bytes": 12694312}""";
    private static final String REMOVED = """
            {"removed": ["squad-tfidf-bigrams"], "released_bytes": 12694312, "freed_disk_bytes": 3912044}""";
    private static final String NOT_OWNER = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Model 'squad-tfidf-bigrams' was fitted by 'alice'; only its owner or an admin may remove it\
             (anyone may use it).", "model_id": "squad-tfidf-bigrams"}""";
    private static final String FIT_TFIDF_SEED = """
            {"dataset_id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20", "model_type": "tf-idf"}""";
    private static final String FIND_REQUEST = """
            {"model_id": "squad-tfidf-bigrams", "question": "Which NFL team represented the AFC at Super Bowl 50?",
             "top_k": 2}""";
    private static final String FOUND = """
            {"model_id": "squad-tfidf-bigrams", "question": "Which NFL team represented the AFC at Super Bowl 50?",
             "top_k": 2, "took_ms": 0.41,
             "results": [{"context_id": 0, "score": 0.3127,
                          "context": "Super Bowl 50 was an American football game to determine the champion..."},
                         {"context_id": 12, "score": 0.1794,
                          "context": "The Broncos took an early lead in Super Bowl 50 and never trailed..."}]}""";
    private static final String BAD_TOP_K = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "top_k must be from 1 to 100 (got 0)", "field": "top_k"}""";
    private static final String QUALITY_REQUEST = """
            {"model_id": "squad-tfidf-bigrams", "sample": 1000}""";
    private static final String QUALITY = """
            {"model_id": "squad-tfidf-bigrams", "dataset_id": "squad", "n": 1000, "sample": 1000, "seed": 42,
             "accuracy": 0.731, "recall_at_1": 0.731, "recall_at_5": 0.894, "recall_at_10": 0.931,
             "mrr_at_10": 0.801, "ndcg_at_10": 0.833, "unindexed": 0, "took_millis": 420}""";
    private static final String BENCHMARK_REQUEST = """
            {"model_id": "squad-tfidf-bigrams", "n": 100}""";
    private static final String BENCHMARK = """
            {"model_id": "squad-tfidf-bigrams", "n": 100, "top_k": 10, "mean_ms": 0.42, "p50_ms": 0.37,
             "p95_ms": 0.81, "p99_ms": 1.3, "max_ms": 1.6, "qps": 2310.5, "load_millis": 310, "loaded_now": false}""";

    private final ModelRegistry models;
    private final ModelSearch search;
    private final ModelEvaluation evaluation;
    private final Caller caller;

    public ModelResource(ModelRegistry models, ModelSearch search, ModelEvaluation evaluation, Caller caller) {
        this.models = models;
        this.search = search;
        this.evaluation = evaluation;
        this.caller = caller;
    }

    @POST
    @Path("/fit_save")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fit and save a model",
            description = "Fits a tfidf, bm25, embedding or hybrid model on the distinct contexts of a dataset, saves"
                    + " it (parameters, vectorizer state, context vectors in collection model-<model_id>) and keeps"
                    + " it loaded. tfidf takes scikit-learn TfidfVectorizer's parameters with its defaults and gives"
                    + " the same vectors: ngram_range, min_df, max_df (integer = documents, decimal = proportion),"
                    + " max_features, sublinear_tf, stop_words (\"english\" or a list), lowercase, norm (l2, l1, none),"
                    + " smooth_idf, use_idf. bm25 takes k1 (0-10, 1.2), b (0-1, 0.75), ngram_range, stop_words,"
                    + " lowercase. Unknown parameters are rejected. model_type tf-idf (the earlier API's spelling) is"
                    + " tfidf. The dataset must be one the caller may see (their own; an admin's: any); the caller"
                    + " is recorded as the model's owner.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FitRequest.class),
            examples = {@ExampleObject(name = "tfidf", value = FIT_REQUEST),
                    @ExampleObject(name = "bm25", value = FIT_BM25),
                    @ExampleObject(name = "tf-idf", value = FIT_TFIDF_SEED)}))
    @APIResponse(responseCode = "200", description = "Fitted and saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FitResult.class),
                    examples = @ExampleObject(name = "fitted", value = FIT_RESULT)))
    @APIResponse(responseCode = "400", description = "Missing field, unknown model_type, bad or unknown parameter,"
            + " bad model_id, or nothing left to index",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "bad value", value = BAD_PARAM),
                    @ExampleObject(name = "unknown parameter", value = UNKNOWN_PARAM)}))
    @APIResponse(responseCode = "404", description = "Unknown dataset, or another user's")
    @APIResponse(responseCode = "409", description = "model_id exists already",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "exists", value = CONFLICT)))
    public FitResult fitSave(FitRequest request) {
        return models.fitSave(request, caller.id());
    }

    @POST
    @Path("/load_model")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Load a saved model",
            description = "Reads the model into memory; loading a loaded model changes nothing (already_loaded).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ModelIdRequest.class),
            examples = @ExampleObject(name = "load", value = MODEL_ID)))
    @APIResponse(responseCode = "200", description = "Loaded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LoadReport.class),
                    examples = @ExampleObject(name = "loaded", value = LOADED)))
    @APIResponse(responseCode = "400", description = "model_id missing")
    @APIResponse(responseCode = "404", description = "Unknown model",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = NOT_FOUND)))
    public LoadReport load(ModelIdRequest request) {
        return models.load(request == null ? null : request.modelId());
    }

    @GET
    @Path("/list_model")
    @Operation(summary = "List the saved models",
            description = "Every saved model (models are shared) with its type, parameters, dataset, owner, size on"
                    + " disk, and, when loaded, the memory it holds (heap estimate of the vectorizer/model and the"
                    + " context texts).")
    @APIResponse(responseCode = "200", description = "The models, by id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ModelView.class),
                    examples = @ExampleObject(name = "models", value = LIST)))
    public List<ModelView> list() {
        return models.list();
    }

    /** The product's earlier API listed models with POST; the same answer, any body (or none) is ignored. */
    @POST
    @Path("/list_model")
    @Operation(summary = "List the saved models (POST, as the earlier API)",
            description = "The same as GET list_model; a request body, if any, is ignored.")
    @APIResponse(responseCode = "200", description = "The models, by id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ModelView.class),
                    examples = @ExampleObject(name = "models", value = LIST)))
    public List<ModelView> listByPost() {
        return models.list();
    }

    @POST
    @Path("/unload_model")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unload a model",
            description = "Drops the loaded model (it stays saved) and answers the memory released; unloading an"
                    + " unloaded model changes nothing (was_loaded false).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ModelIdRequest.class),
            examples = @ExampleObject(name = "unload", value = MODEL_ID)))
    @APIResponse(responseCode = "200", description = "Unloaded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UnloadReport.class),
                    examples = @ExampleObject(name = "unloaded", value = UNLOADED)))
    @APIResponse(responseCode = "400", description = "model_id missing")
    @APIResponse(responseCode = "404", description = "Unknown model",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = NOT_FOUND)))
    public UnloadReport unload(ModelIdRequest request) {
        return models.unload(request == null ? null : request.modelId());
    }

    @DELETE
    @Path("/remove/{model_id}")
    @Operation(summary = "Remove a model", description = "Unloads it, drops its vectors and deletes its folder. Only"
            + " the model's owner (who fitted it) and admins may remove it.")
    @APIResponse(responseCode = "200", description = "Removed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RemoveReport.class),
                    examples = @ExampleObject(name = "removed", value = REMOVED)))
    @APIResponse(responseCode = "404", description = "Unknown model",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = NOT_FOUND)))
    @APIResponse(responseCode = "403", description = "The caller neither fitted the model nor is an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not-owner", value = NOT_OWNER)))
    @APIResponse(responseCode = "409", description = "The model is being fitted")
    public RemoveReport remove(@Parameter(description = "Model id", example = "squad-tfidf-bigrams")
                               @PathParam("model_id") String modelId) {
        return models.remove(modelId, caller);
    }

    @DELETE
    @Path("/remove_all")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove every model (admin)",
            description = "Needs the admin role (the caller's API key at the gateway carries it).")
    @APIResponse(responseCode = "200", description = "Removed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RemoveReport.class),
                    examples = @ExampleObject(name = "removed", value = REMOVED)))
    @APIResponse(responseCode = "403", description = "The caller is not an admin",
            content = @Content(mediaType = Problems.MEDIA_TYPE,
                    examples = @ExampleObject(name = "not-admin", value = IdentityExamples.NOT_ADMIN)))
    public RemoveReport removeAll() {
        return models.removeAll();
    }

    @POST
    @Path("/find_context")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find the contexts that answer a question",
            description = "Ranks the model's contexts for the question, best first. A saved model that is not loaded"
                    + " is loaded first (retrieval.models.load-on-demand, on by default; off answers 409).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FindContextRequest.class),
            examples = @ExampleObject(name = "question", value = FIND_REQUEST)))
    @APIResponse(responseCode = "200", description = "Ranked contexts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FindContextResponse.class),
                    examples = @ExampleObject(name = "found", value = FOUND)))
    @APIResponse(responseCode = "400", description = "model_id missing, blank question, question longer than"
            + " retrieval.models.max-question-chars (2000), top_k outside 1..100",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "top_k", value = BAD_TOP_K)))
    @APIResponse(responseCode = "404", description = "Unknown model",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not loaded and load-on-demand is off")
    public FindContextResponse findContext(FindContextRequest request) {
        return search.findContext(request);
    }

    @POST
    @Path("/quality_test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Measure retrieval quality",
            description = "Asks every question of the dataset (the model's own by default; a fixed-seed sample when"
                    + " sample is given, the same on every run) and answers accuracy (top-ranked context is the"
                    + " question's own), recall@1/5/10, MRR@10 and nDCG@10. Any caller may test any model on its own"
                    + " dataset (the answer holds figures only); another dataset_id must be one the caller may see.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QualityTestRequest.class),
            examples = @ExampleObject(name = "sample", value = QUALITY_REQUEST)))
    @APIResponse(responseCode = "200", description = "The metrics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = QualityReport.class),
                    examples = @ExampleObject(name = "quality", value = QUALITY)))
    @APIResponse(responseCode = "400", description = "model_id missing, sample < 1, blank dataset_id")
    @APIResponse(responseCode = "413", description = "More questions than retrieval.models.quality.max-questions"
            + " (10,000): give a smaller sample")
    @APIResponse(responseCode = "404", description = "Unknown model or dataset (or another user's dataset_id)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = NOT_FOUND)))
    public QualityReport qualityTest(QualityTestRequest request) {
        return evaluation.qualityTest(request);
    }

    @POST
    @Path("/benchmark")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Measure search latency",
            description = "Times n searches (top 10) of random questions of the model's dataset, one at a time after"
                    + " a short warm-up: mean, p50, p95, p99, max in ms, QPS, and the model's load time.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BenchmarkRequest.class),
            examples = @ExampleObject(name = "benchmark", value = BENCHMARK_REQUEST)))
    @APIResponse(responseCode = "200", description = "Latency figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BenchmarkReport.class),
                    examples = @ExampleObject(name = "benchmark", value = BENCHMARK)))
    @APIResponse(responseCode = "400", description = "model_id missing, n outside 1..1000"
            + " (retrieval.models.benchmark.max-n)")
    @APIResponse(responseCode = "404", description = "Unknown model",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = NOT_FOUND)))
    public BenchmarkReport benchmark(BenchmarkRequest request) {
        return evaluation.benchmark(request);
    }
}
