package ai.datasuite.ingest.rest;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import ai.datasuite.identity.Caller;
import ai.datasuite.ingest.analysis.AnalysisException;
import ai.datasuite.ingest.client.FileFilter;
import ai.datasuite.ingest.file.FilePage;
import ai.datasuite.ingest.file.FileView;
import ai.datasuite.ingest.file.IngestService;
import ai.datasuite.ingest.storage.StorageService;
import ai.datasuite.ingest.upload.UploadReader;
import ai.datasuite.ingest.upload.UploadRequest;
import ai.datasuite.ingest.upload.UploadRequestParser;
import ai.datasuite.problem.ProblemException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The file API. Every call carries the caller's verified identity (identity-support answers 401 before this runs);
 * a user uploads, lists, reads and deletes only their own files, an admin everyone's.
 */
@Path("/api/v1/files")
@Tag(name = "files", description = "Upload, find, read and delete files")
public class FileResource {

    private static final String FILE_EXAMPLE = """
            {"id": "5b0c3c2e-8d0e-4f7b-9a77-0f3c8c1b2a10", "owner_id": "alice", "original_name": "testPDF.pdf",
             "extension": "pdf", "media_type": "application/pdf", "name_media_type": "application/pdf",
             "extension_mismatch": false, "size_bytes": 34824,
             "sha256": "8035bc3f748d8b97b8a9978bd812197bf40cf2b294a7e9b30e39d7167ddc720e", "bucket": "ai-data-suite",
             "object_key": "files/alice/8035bc3f.../5b0c3c2e-...", "data_type": "document", "tags": ["manual"],
             "text_key": "text/alice/8035bc3f.../5b0c3c2e-....txt", "text_length": 1067, "text_truncated": false,
             "details": {"pages": 1}, "task_id": null, "status": "STORED", "created_at": "2026-11-25T21:00:00Z"}""";
    private static final String AUDIO_EXAMPLE = """
            {"id": "9d2f6a10-3b4c-4e1d-8f00-2a6b7c8d9e01", "owner_id": "alice", "original_name": "song.mp3",
             "extension": "mp3", "media_type": "audio/mpeg", "name_media_type": "audio/mpeg",
             "extension_mismatch": false, "size_bytes": 16780,
             "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", "bucket": "ai-data-suite",
             "object_key": "files/alice/2c26b46b.../9d2f6a10-...", "data_type": "audio", "tags": [],
             "text_key": "text/alice/2c26b46b.../9d2f6a10-....txt", "text_length": 95, "text_truncated": false,
             "details": {"duration_seconds": 1.045, "sample_rate": 44100, "channels": 1,
                         "id3": {"title": "Quiet Song", "artist": "The Testers", "album": "Silence"}},
             "task_id": null, "status": "STORED", "created_at": "2026-12-02T02:30:00Z"}""";

    private static final String PROBLEM = "application/problem+json";
    private static final String UNAUTHORIZED_EXAMPLE = "{\"type\": \"urn:ai-data-suite:problem:unauthorized\", \"title\": \"Unauthorized\", \"status\": 401, \"detail\": \"This call needs a signed identity and carries none. Calls reach the services through chat-gateway, which signs the caller's identity; send your API key there as 'X-Api-Key: <key>'.\"}";
    private static final String FORBIDDEN_EXAMPLE = "{\"type\": \"urn:ai-data-suite:problem:forbidden\", \"title\": \"Forbidden\", \"status\": 403, \"detail\": \"'user_id' names another user ('bob'); you may act only as 'alice'. Leave 'user_id' out to use your own.\"}";
    private static final String NOT_FOUND_EXAMPLE = "{\"type\": \"urn:ai-data-suite:problem:not-found\", \"title\": \"Not found\", \"status\": 404, \"detail\": \"file '5b0c3c2e-8d0e-4f7b-9a77-0f3c8c1b2a10' does not exist\"}";

    private final UploadReader reader;
    private final UploadRequestParser requests;
    private final IngestService ingest;
    private final StorageService storage;
    private final Caller caller;

    public FileResource(UploadReader reader, UploadRequestParser requests, IngestService ingest,
                        StorageService storage, Caller caller) {
        this.reader = reader;
        this.requests = requests;
        this.ingest = ingest;
        this.storage = storage;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a file",
            description = "Multipart with a `file` part and a `metadata` part holding JSON "
                    + "`{data_type, user_id?, task_id?, tags?}`. The file belongs to the caller; `user_id` may be "
                    + "left out, and only an admin may name another user. The type is detected from the content; "
                    + "text is extracted. Images (PNG, JPEG, TIFF) and audio (WAV, MP3) have no text of their own: "
                    + "their facts (size, EXIF/TIFF tags; duration, sample rate, channels, ID3 tags) are in "
                    + "`details`, and their text is one line of those facts and the file name. The same bytes for the same owner return the existing record with 200 "
                    + "(another owner's same bytes never do).")
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FileView.class),
                    examples = {@ExampleObject(name = "file", value = FILE_EXAMPLE),
                            @ExampleObject(name = "audio", value = AUDIO_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "The same owner already stored these bytes; that record",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FileView.class)))
    @APIResponse(responseCode = "400", description = "Missing part or malformed metadata",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "validation", value = "{\"type\": \"urn:ai-data-suite:problem:validation\", \"title\": \"Malformed metadata\", \"status\": 400, \"detail\": \"the 'metadata' part is not valid JSON of {data_type, user_id?, task_id?, tags?}\"}")))
    @APIResponse(responseCode = "401", description = "No identity, or an invalid or expired one",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unauthorized", value = UNAUTHORIZED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "`user_id` names another user and the caller is not an admin",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "forbidden", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "File or archive exceeds a limit",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "payload-too-large", value = "{\"type\": \"urn:ai-data-suite:problem:payload-too-large\", \"title\": \"File too large\", \"status\": 413, \"detail\": \"the request declares 3221225472 bytes; the file limit is 2147483648 bytes (ingest.max-file-size)\"}")))
    @APIResponse(responseCode = "415", description = "Unsupported or undetectable type",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unsupported-media-type", value = "{\"type\": \"urn:ai-data-suite:problem:unsupported-media-type\", \"title\": \"Unsupported file type\", \"status\": 415, \"detail\": \"the file's type could not be recognised from its content (it looks like binary data); upload one of: PNG, JPEG, ...\"}")))
    @APIResponse(responseCode = "503", description = "metadata-service or S3 is unavailable; nothing was stored",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "dependency-unavailable", value = "{\"type\": \"urn:ai-data-suite:problem:dependency-unavailable\", \"title\": \"metadata-service unavailable\", \"status\": 503, \"detail\": \"metadata-service is unavailable (it answered 503). Start it (./suite start, or docker compose up -d metadata-service) and retry.\", \"retry_after_seconds\": 5}")))
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = UploadForm.class)))
    public Response upload(InputStream body, @HeaderParam("Content-Type") String contentType) throws AnalysisException {
        UploadReader.Parts parts = reader.read(body, contentType);
        try {
            if (parts.upload() == null) {
                throw new ProblemException(400, ProblemException.VALIDATION, "Missing file", "the multipart part 'file' is required");
            }
            UploadRequest request = requests.parse(parts.metadata());
            IngestService.Upload upload = ingest.upload(parts.upload(), request, owner(request));
            if (upload.created()) {
                return Response.created(URI.create("/api/v1/files/" + upload.file().id())).entity(upload.file()).build();
            }
            return Response.ok(upload.file()).build();
        } finally {
            if (parts.upload() != null) {
                parts.upload().discard();
            }
        }
    }

    /** The two parts of an upload, for the OpenAPI document. */
    @Schema(name = "UploadForm")
    public static class UploadForm {
        @Schema(type = SchemaType.STRING, format = "binary", description = "The file; its type is detected from its content")
        public String file;
        @Schema(implementation = UploadRequest.class, description = "JSON: {data_type, user_id?, task_id?, tags?}")
        public String metadata;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List files", description = "Newest first; every filter is optional. A user lists only "
            + "their own files (`user_id` left out, or their own); an admin lists everyone's unless `user_id` names "
            + "one user.")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "validation",
                    value = "{\"type\": \"urn:ai-data-suite:problem:validation\", \"title\": \"Invalid paging\", \"status\": 400, \"detail\": \"size must be a whole number, not 'ten'\"}")))
    @APIResponse(responseCode = "401", description = "No identity, or an invalid or expired one",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unauthorized", value = UNAUTHORIZED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "`user_id` names another user and the caller is not an admin",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "forbidden", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "A page of files",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilePage.class),
                    examples = @ExampleObject(name = "page",
                    value = "{\"items\": [" + FILE_EXAMPLE + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    public FilePage list(@RestQuery("user_id") String userId, @RestQuery("data_type") String dataType,
                         @RestQuery("media_type") String mediaType, @RestQuery String tag,
                         @RestQuery("task_id") String taskId, @RestQuery String name, @RestQuery String sha256,
                         @RestQuery String page, @RestQuery String size) {
        int p = number("page", page, 0);
        int s = number("size", size, 20);
        if (p < 0 || s < 1 || s > 200 || (long) p * s > Integer.MAX_VALUE) {
            throw new ProblemException(400, ProblemException.VALIDATION, "Invalid paging",
                    "page must be >= 0, size 1..200, and page x size within the addressable range");
        }
        String owner = caller.ownerFilter(userId, "user_id");
        return ingest.list(new FileFilter(owner, sha256, dataType, mediaType, tag, taskId, name), p, s);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a file's record", description = "Only the owner's and an admin's; another user's "
            + "file answers 404, as if it did not exist.")
    @APIResponse(responseCode = "200", description = "The record",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FileView.class),
                    examples = {@ExampleObject(name = "file", value = FILE_EXAMPLE),
                            @ExampleObject(name = "audio", value = AUDIO_EXAMPLE)}))
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's file",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No identity, or an invalid or expired one",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unauthorized", value = UNAUTHORIZED_EXAMPLE)))
    public FileView get(@PathParam("id") String id) {
        return find(id);
    }

    @GET
    @Path("/{id}/content")
    @Operation(summary = "Stream the file's bytes", description = "Honours a single `Range: bytes=a-b` (206). Only "
            + "the owner's and an admin's; another user's file answers 404.")
    @APIResponse(responseCode = "200", description = "The whole file, as its stored media type",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The requested range, as the file's stored media type",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's file",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No identity, or an invalid or expired one",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unauthorized", value = UNAUTHORIZED_EXAMPLE)))
    @APIResponse(responseCode = "416", description = "Range outside the file",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "range-not-satisfiable", value = "{\"type\": \"urn:ai-data-suite:problem:range-not-satisfiable\", \"title\": \"Range not satisfiable\", \"status\": 416, \"detail\": \"'bytes=100-200' lies outside the file's 16 bytes\"}")))
    public Response content(@PathParam("id") String id, @HeaderParam("Range") String rangeHeader) {
        FileView file = find(id);
        ByteRange range = ByteRange.parse(rangeHeader, file.sizeBytes());
        ResponseInputStream<GetObjectResponse> object = storage.get(file.objectKey(), range == null ? null : range.header());
        try {
            GetObjectResponse facts = object.response();
            return contentHeaders(file, range, facts.contentLength(), facts.eTag(), facts.lastModified())
                    .entity(stream(object)).build();
        } catch (RuntimeException e) {
            abort(object);
            throw e;
        }
    }

    /**
     * HEAD of the content, answered from the object's metadata: the implicit HEAD of JAX-RS would run the GET and
     * drop its body unread, and with it an open S3 connection.
     */
    @HEAD
    @Path("/{id}/content")
    @Operation(hidden = true)
    public Response contentHead(@PathParam("id") String id, @HeaderParam("Range") String rangeHeader) {
        FileView file = find(id);
        ByteRange range = ByteRange.parse(rangeHeader, file.sizeBytes());
        HeadObjectResponse facts = storage.head(file.objectKey());
        long length = range == null ? facts.contentLength() : range.last() - range.first() + 1;
        return contentHeaders(file, range, length, facts.eTag(), facts.lastModified()).build();
    }

    private static Response.ResponseBuilder contentHeaders(FileView file, ByteRange range, Long length, String eTag,
                                                           Instant lastModified) {
        Response.ResponseBuilder response = range == null ? Response.ok() : Response.status(206)
                .header("Content-Range", range.contentRange(file.sizeBytes()));
        return validators(response, eTag, lastModified)
                .type(file.mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encode(file.originalName()));
    }

    @GET
    @Path("/{id}/text")
    @Produces("text/plain; charset=utf-8")
    @Operation(summary = "Stream the text extracted from the file", description = "Only the owner's and an "
            + "admin's; another user's file answers 404.")
    @APIResponse(responseCode = "200", description = "The text (UTF-8); for an image or audio file one line of its "
            + "facts and name",
            content = @Content(mediaType = "text/plain; charset=utf-8", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "audio", value = "sound.wav: audio/vnd.wave, 2.0 s, 16000 Hz, 1 channel, 16 bit")))
    @APIResponse(responseCode = "404", description = "Unknown id, another user's file, or the file has no text (a scanned PDF without a text layer, say)",
            content = @Content(mediaType = PROBLEM, examples = {
                    @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE),
                    @ExampleObject(name = "no-text", value = "{\"type\": \"urn:ai-data-suite:problem:no-text\", \"title\": \"No text\", \"status\": 404, \"detail\": \"file '5b0c...' (application/pdf) has no extractable text\"}")}))
    @APIResponse(responseCode = "401", description = "No identity, or an invalid or expired one",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unauthorized", value = UNAUTHORIZED_EXAMPLE)))
    public Response text(@PathParam("id") String id) {
        FileView file = find(id);
        if (file.textKey() == null) {
            throw noText(id, file);
        }
        ResponseInputStream<GetObjectResponse> object = storage.get(file.textKey(), null);
        try {
            GetObjectResponse facts = object.response();
            return validators(Response.ok(stream(object)), facts.eTag(), facts.lastModified())
                    .header(HttpHeaders.CONTENT_LENGTH, facts.contentLength()).build();
        } catch (RuntimeException e) {
            abort(object);
            throw e;
        }
    }

    /** HEAD of the text, from the object's metadata (see {@link #contentHead}). */
    @HEAD
    @Path("/{id}/text")
    @Produces("text/plain; charset=utf-8")
    @Operation(hidden = true)
    public Response textHead(@PathParam("id") String id) {
        FileView file = find(id);
        if (file.textKey() == null) {
            throw noText(id, file);
        }
        HeadObjectResponse facts = storage.head(file.textKey());
        return validators(Response.ok(), facts.eTag(), facts.lastModified())
                .header(HttpHeaders.CONTENT_LENGTH, facts.contentLength()).build();
    }

    private static ProblemException noText(String id, FileView file) {
        return new ProblemException(404, "no-text", "No text",
                "file '" + id + "' (" + file.mediaType() + ") has no extractable text");
    }

    /** The same ETag and Last-Modified on GET and HEAD, as S3 gives them. */
    private static Response.ResponseBuilder validators(Response.ResponseBuilder response, String eTag,
                                                       Instant lastModified) {
        if (eTag != null) {
            response.header(HttpHeaders.ETAG, eTag);
        }
        if (lastModified != null) {
            response.header(HttpHeaders.LAST_MODIFIED,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC)));
        }
        return response;
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a file", description = "Removes the record, then its objects. Only the owner "
            + "and an admin may; another user's file answers 404.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown id, or another user's file",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not-found", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No identity, or an invalid or expired one",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unauthorized", value = UNAUTHORIZED_EXAMPLE)))
    public Response delete(@PathParam("id") String id) {
        if (!ingest.delete(id, caller::canSee)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static int number(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, ProblemException.VALIDATION, "Invalid paging", name + " must be a whole number, not '" + value + "'");
        }
    }

    private FileView find(String id) {
        return ingest.find(id, caller::canSee).orElseThrow(() -> notFound(id));
    }

    /** The upload's owner: the caller, or the user an admin names; it becomes a path segment of the object keys. */
    private String owner(UploadRequest request) {
        String owner = caller.ownerFor(request.userId(), "user_id");
        if (!owner.matches(UploadRequest.OWNER_PATTERN)) {
            // Only reachable through a token whose user id the gateway would not have issued.
            throw new ProblemException(400, ProblemException.VALIDATION, "Invalid owner",
                    "the caller's user id '" + owner + "' cannot own files: " + UploadRequest.OWNER_MESSAGE);
        }
        return owner;
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("file '" + id + "' does not exist");
    }

    /**
     * Streams the object and always gives its S3 connection back: closed when read to the end, aborted when the
     * transfer stopped early (the client went away, say), since closing would first read the rest of the object.
     */
    private static StreamingOutput stream(ResponseInputStream<?> in) {
        return out -> {
            boolean complete = false;
            try {
                in.transferTo(out);
                complete = true;
            } finally {
                if (!complete) {
                    in.abort();
                }
                in.close();
            }
        };
    }

    private static void abort(ResponseInputStream<?> in) {
        in.abort();
        try {
            in.close();
        } catch (java.io.IOException | RuntimeException ignored) {
            // aborted already: nothing more to give back
        }
    }

    private static String encode(String name) {
        return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
