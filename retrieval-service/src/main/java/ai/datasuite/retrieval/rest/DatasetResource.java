package ai.datasuite.retrieval.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.config.DatasetsConfig;
import ai.datasuite.retrieval.dataset.DatasetPage;
import ai.datasuite.retrieval.dataset.DatasetRows;
import ai.datasuite.retrieval.dataset.DatasetService;
import ai.datasuite.retrieval.dataset.DatasetView;
import ai.datasuite.retrieval.dataset.EdaView;

@Path("/api/v1/datasets")
@APIResponse(responseCode = "401", description = "No valid identity token (calls come through chat-gateway)",
        content = @Content(mediaType = DatasetResource.PROBLEM,
                examples = @ExampleObject(name = "no-token", value = IdentityExamples.UNAUTHORIZED)))
@Tag(name = "Datasets", description = "Upload Q&A datasets (CSV: context, question, answer) and explore them")
public class DatasetResource {

    static final String PROBLEM = "application/problem+json";
    static final String DATASET_EXAMPLE = """
            {"id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20", "name": "SQuAD v1.1 dev, part 1",
             "file_id": "3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60", "rows": 2880, "distinct_contexts": 494,
             "columns": ["context", "question", "answer", "id", "title", "paragraph_index", "all_answers"],
             "ignored_columns": ["id", "title", "paragraph_index", "all_answers"], "owner": "alice",
             "uploaded_at": "2026-11-26T10:15:30.123456Z"}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No dataset 0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20"}""";
    static final String EDA_EXAMPLE = """
            {"dataset_id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20",
             "lengths": {"context": {"texts": 494,
                 "words": {"stats": {"count": 494, "min": 22, "max": 446, "mean": 124.3, "median": 112.0,
                                     "p95": 233.7},
                           "bins": [{"from": 22, "to": 43, "count": 9}, {"from": 44, "to": 65, "count": 55}]},
                 "characters": {"stats": {"count": 494, "min": 151, "max": 2734, "mean": 760.2, "median": 690.5,
                                          "p95": 1421.1},
                                "bins": [{"from": 151, "to": 280, "count": 11}]}},
               "question": {"texts": 2880, "words": {"stats": {"count": 2880, "min": 2, "max": 31, "mean": 10.2,
                            "median": 10.0, "p95": 17.0}, "bins": [{"from": 2, "to": 3, "count": 6}]},
                            "characters": {"stats": {"count": 2880, "min": 11, "max": 176, "mean": 59.6,
                            "median": 56.0, "p95": 97.0}, "bins": [{"from": 11, "to": 18, "count": 8}]}},
               "answer": {"texts": 2880, "words": {"stats": {"count": 2880, "min": 1, "max": 29, "mean": 3.1,
                          "median": 2.0, "p95": 9.0}, "bins": [{"from": 1, "to": 2, "count": 1719}]},
                          "characters": {"stats": {"count": 2880, "min": 1, "max": 160, "mean": 19.6,
                          "median": 14.0, "p95": 54.0}, "bins": [{"from": 1, "to": 8, "count": 901}]}}},
             "words": {"stop_words": 51234, "other_words": 60022, "stop_word_share": 0.4605,
                       "per_field": {"context": {"stop_words": 28311, "other_words": 33014},
                                     "question": {"stop_words": 15021, "other_words": 14433},
                                     "answer": {"stop_words": 7902, "other_words": 12575}}},
             "top_words": [{"word": "super", "count": 412}, {"word": "bowl", "count": 398}],
             "tsne": {"contexts_total": 494, "contexts_projected": 494, "terms": 1000, "perplexity": 30.0,
                      "iterations": 1000, "theta": 0.5, "seed": 42, "note": null,
                      "points": [{"context_id": 0, "x": 12.31, "y": -4.87}, {"context_id": 1, "x": 11.9, "y": -5.2}]},
             "computed_ms": 2140}""";

    static final String PAGE_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "size must be from 1 to 500 (retrieval.datasets.page.max-size)", "field": "size", "max": 500}""";

    private final DatasetService service;
    private final DatasetsConfig config;
    private final Caller caller;

    public DatasetResource(DatasetService service, DatasetsConfig config, Caller caller) {
        this.service = service;
        this.config = config;
        this.caller = caller;
    }

    /** The parts of an upload, for the OpenAPI document. */
    @Schema(name = "DatasetUploadForm")
    public static class UploadForm {
        @Schema(type = SchemaType.STRING, format = "binary",
                description = "UTF-8 CSV (RFC 4180) with a header: context, question, answer")
        public String file;
        @Schema(description = "1..200 characters", example = "SQuAD v1.1 dev, part 1")
        public String name;
        @Schema(description = "Owner (ingest user_id); left out, the caller. Only an admin may name another user (403"
                + " otherwise).", example = "alice")
        public String owner;
        @Schema(description = "reject (default): other columns are an error; ignore: they are dropped",
                enumeration = {"reject", "ignore"})
        public String extraColumns;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a Q&A dataset",
            description = "The whole file is validated before anything is stored: size (retrieval.datasets.max-size,"
                    + " 413), text and not binary (415), UTF-8 (400 with the byte offset), RFC 4180 quoting (400"
                    + " with the row where a broken quoted field starts), the header (exactly context, question,"
                    + " answer, trimmed, any case; other columns are refused unless extra_columns=ignore), a field"
                    + " count matching the header and no empty required field (400 listing the first rows)."
                    + " Then the bytes are stored through ingest-service and the dataset is catalogued in"
                    + " metadata-service. Rows are numbered from 1 after the header; blank lines are skipped."
                    + " The dataset belongs to the caller (an admin may name another owner); only its owner and"
                    + " admins see it.")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = UploadForm.class)))
    @APIResponse(responseCode = "201", description = "Stored and catalogued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DatasetView.class),
                    examples = @ExampleObject(name = "dataset", value = DATASET_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid CSV, name, owner or extra_columns",
            content = @Content(mediaType = PROBLEM, examples = {
                @ExampleObject(name = "empty-fields", value = """
                        {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
                         "detail": "2 problem(s) in the rows; the first at row 3 (answer): is empty",
                         "errors": [{"row": 3, "line": 4, "column": "answer", "message": "is empty"},
                                    {"row": 7, "line": 8, "column": "question", "message": "is empty"}],
                         "error_count": 2}"""),
                @ExampleObject(name = "columns", value = """
                        {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
                         "detail": "The header must have exactly the columns context, question, answer (trimmed, any\
                         case): missing column(s) answer; unexpected column(s) title (send extra_columns=ignore to\
                         drop them)", "missing_columns": ["answer"], "duplicate_columns": [],
                         "extra_columns": ["title"], "required_columns": ["context", "question", "answer"]}"""),
                @ExampleObject(name = "quotes", value = """
                        {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
                         "detail": "Malformed CSV at row 2 (starting on line 3): a quoted field is never closed\
                         (unbalanced quotes)", "row": 2, "line": 3}"""),
                @ExampleObject(name = "encoding", value = """
                        {"type": "urn:ai-data-suite:problem:validation", "title": "Invalid request", "status": 400,
                         "detail": "The file is not valid UTF-8: invalid byte sequence at byte offset 57 (line 2);\
                         save the CSV as UTF-8", "byte_offset": 57, "line": 2}""")}))
    @APIResponse(responseCode = "403", description = "owner names another user and the caller is not an admin",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "other-owner",
                    value = IdentityExamples.OTHER_OWNER)))
    @APIResponse(responseCode = "413", description = "Larger than retrieval.datasets.max-size",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "too-large", value = """
                    {"type": "urn:ai-data-suite:problem:payload-too-large", "title": "Payload too large",
                     "status": 413, "detail": "The file has 52428801 bytes; the limit is 52428800 bytes\
                     (retrieval.datasets.max-size)", "max_bytes": 52428800}""")))
    @APIResponse(responseCode = "415", description = "Not CSV text (binary content), or not multipart",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not-csv", value = """
                    {"type": "urn:ai-data-suite:problem:unsupported-media-type", "title": "Not a CSV file",
                     "status": 415, "detail": "The file is not CSV text: it starts like a PNG image. Send a UTF-8\
                     CSV with the columns context, question, answer."}""")))
    @APIResponse(responseCode = "503", description = "ingest-service or metadata-service unavailable; nothing kept",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unavailable", value = """
                    {"type": "urn:ai-data-suite:problem:ingest-service-unavailable",
                     "title": "ingest-service unavailable", "status": 503, "detail": "ingest-service at\
                     http://127.0.0.1:8081 is unavailable (connection refused). Start it (./suite start, or docker\
                     compose up -d ingest-service) and retry.", "retry_after_seconds": 5}""")))
    public Response upload(@RestForm("file") FileUpload file, @RestForm("name") String name,
                           @RestForm("owner") String owner, @RestForm("extra_columns") String extraColumns) {
        if (file == null) {
            throw ProblemException.validation("The multipart part 'file' (the CSV) is required",
                    Map.of("errors", List.of(Map.of("field", "file", "message", "is required"))));
        }
        long max = config.maxSize().asLongValue();
        if (file.size() > max) {
            throw new ProblemException(413, ProblemException.PAYLOAD_TOO_LARGE, "Payload too large",
                    "The file has " + file.size() + " bytes; the limit is " + max
                            + " bytes (retrieval.datasets.max-size)", Map.of("max_bytes", max));
        }
        boolean ignoreExtra = extraColumns(extraColumns);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DatasetView dataset = service.upload(bytes, file.fileName(), name, caller.ownerFor(owner, "owner"),
                ignoreExtra);
        return Response.created(URI.create("/api/v1/datasets/" + dataset.id())).entity(dataset).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the datasets, a page at a time",
            description = "The catalogued datasets the caller may see, newest first: a user's own; an admin's list"
                    + " holds everyone's, or one user's with owner. page counts from 0; size defaults to"
                    + " retrieval.datasets.page.default-size (50) and may be at most retrieval.datasets.page.max-size"
                    + " (500). total counts every dataset the caller may see.")
    @APIResponse(responseCode = "200", description = "The page (empty past the last one)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DatasetPage.class),
                    examples = @ExampleObject(name = "datasets", value = """
                            {"total": 3, "page": 0, "size": 2,
                             "datasets": [{"id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20",
                                           "name": "SQuAD v1.1 dev, part 1", "rows": 2880, "distinct_contexts": 494,
                                           "owner": "alice", "uploaded_at": "2026-11-26T10:15:30.123456Z"},
                                          {"id": "5d0c2b1a-3e4f-4a5b-8c9d-0e1f2a3b4c5d", "name": "faq",
                                           "rows": 40, "distinct_contexts": 12, "owner": "alice",
                                           "uploaded_at": "2026-11-25T08:00:00Z"}]}""")))
    @APIResponse(responseCode = "400", description = "page below 0, size out of range",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "size", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "owner names another user and the caller is not an admin",
            content = @Content(mediaType = PROBLEM,
                    examples = @ExampleObject(name = "other-owner", value = IdentityExamples.OTHER_OWNER)))
    public DatasetPage list(
            @Parameter(description = "Whose datasets; left out, the caller's (an admin's: everyone's). Only an admin"
                    + " may name another user.", example = "alice") @QueryParam("owner") String owner,
            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "Datasets per page", example = "50") @QueryParam("size") Integer size) {
        return service.page(caller.ownerFilter(owner, "owner"), page, size);
    }

    @GET
    @Path("/{id}/rows")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A dataset's Q&A rows, a page at a time",
            description = "The rows in file order (row = 1-based data row of the CSV) with question, answer and"
                    + " context, e.g. to build fine-tuning examples. Its owner's and admins' to see; anyone else gets"
                    + " 404, as for an unknown id. page counts from 0; size as for the list.")
    @APIResponse(responseCode = "200", description = "The page (empty past the last one)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DatasetRows.class),
                    examples = @ExampleObject(name = "rows", value = """
                            {"dataset_id": "0b7e1f52-6a3c-4d1e-9f2a-5c8d7e6f1a20", "total": 2880, "page": 0,
                             "size": 1, "rows": [{"row": 1,
                               "question": "Which NFL team represented the AFC at Super Bowl 50?",
                               "answer": "Denver Broncos",
                               "context": "Super Bowl 50 was an American football game to determine..."}]}""")))
    @APIResponse(responseCode = "400", description = "page below 0, size out of range",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "size", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's dataset",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not-found",
                    value = NOT_FOUND_EXAMPLE)))
    public DatasetRows rows(@PathParam("id") String id,
            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "Rows per page", example = "50") @QueryParam("size") Integer size) {
        return service.rows(id, page, size);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One dataset's catalogue entry",
            description = "Its owner's and admins' to see; anyone else gets 404, as for an unknown id.")
    @APIResponse(responseCode = "200", description = "The dataset",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DatasetView.class),
                    examples = @ExampleObject(name = "dataset", value = DATASET_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's dataset",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not-found",
                    value = NOT_FOUND_EXAMPLE)))
    public DatasetView get(@PathParam("id") String id) {
        return service.describe(id);
    }

    @GET
    @Path("/{id}/eda")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exploratory data analysis",
            description = "Length distributions (words = whitespace-separated tokens, characters = code points) of"
                    + " the distinct contexts, the questions and the answers: summary stats and histogram bins;"
                    + " stop-word vs other-word counts (scikit-learn's English list); top words; a 2-D t-SNE of the"
                    + " contexts' TF-IDF vectors (at most retrieval.datasets.eda.max-contexts, sampled with a fixed"
                    + " seed). Computed once per dataset and cached. Another user's dataset answers 404.")
    @APIResponse(responseCode = "200", description = "The analysis",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EdaView.class),
                    examples = @ExampleObject(name = "eda", value = EDA_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's dataset",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not-found",
                    value = NOT_FOUND_EXAMPLE)))
    public EdaView eda(@PathParam("id") String id) {
        return service.eda(id);
    }

    @GET
    @Path("/{id}/eda/{chart}.png")
    @Produces("image/png")
    @Operation(summary = "A PNG of the analysis",
            description = "lengths.png: histograms of the lengths; tsne.png: the t-SNE scatter plot; wordcloud.png:"
                    + " the top words (Kumo word cloud).")
    @APIResponse(responseCode = "200", description = "The PNG",
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Unknown id or chart, or another user's dataset",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not-found", value = """
                    {"type": "urn:ai-data-suite:problem:not-found", "title": "Not found", "status": 404,
                     "detail": "No chart 'pie'; there are lengths.png, tsne.png and wordcloud.png"}""")))
    public Response chart(@PathParam("id") String id,
                          @PathParam("chart") @Parameter(description = "lengths, tsne or wordcloud") String chart) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(service.chart(id, chart.toLowerCase(Locale.ROOT)), "image/png").cacheControl(cache).build();
    }

    private static boolean extraColumns(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("reject")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("ignore")) {
            return true;
        }
        String message = "must be reject or ignore";
        throw ProblemException.validation("extra_columns " + message + ", not '" + value + "'",
                Map.of("errors", List.of(Map.of("field", "extra_columns", "message", message))));
    }
}
