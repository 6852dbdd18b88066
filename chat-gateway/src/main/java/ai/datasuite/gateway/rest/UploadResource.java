package ai.datasuite.gateway.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.gateway.document.UploadResult;
import ai.datasuite.gateway.document.UploadRoute;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * The OpenAPI description of {@code POST /api/upload}. The upload itself is served by {@link UploadRoute}, a Vert.x
 * route ahead of the REST layer (a resource would read the whole body before running); this method is never reached.
 */
@Path(UploadRoute.PATH)
@Tag(name = "Documents")
public class UploadResource {

    static final String CREATED_EXAMPLE = """
            {"file_id": "5b0c3c2e-1a2b-4c3d-9e8f-7a6b5c4d3e2f", "document_id": "9d2f6a10-3b4c-4d5e-8f9a-0b1c2d3e4f5a",
             "chunks": 12, "status": "ready", "name": "handbook.txt", "data_type": "text"}""";
    static final String ACCEPTED_EXAMPLE = """
            {"file_id": "5b0c3c2e-1a2b-4c3d-9e8f-7a6b5c4d3e2f", "document_id": "9d2f6a10-3b4c-4d5e-8f9a-0b1c2d3e4f5a",
             "chunks": 1840, "status": "indexing", "name": "manual.pdf", "data_type": "text"}""";

    /** The two parts of an upload, for the OpenAPI document. */
    @Schema(name = "DocumentUploadForm")
    public static class UploadForm {
        @Schema(type = SchemaType.STRING, format = "binary", description = "The file: text, PDF, Word, JSON, HTML,"
                + " CSV, Excel, PNG, JPEG, TIFF, WAV or MP3; its type is detected from its content")
        public String file;
        @Schema(description = "JSON {data_type, user_id?}: data_type like text, csv, image, audio or a MIME type"
                + " such as text/csv; user_id left out is you (only an admin may name another user)",
                example = "{\"data_type\": \"text/csv\"}")
        public String metadata;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a document to chat about", description = "The file is stored by ingest-service"
            + " (streamed, never held by the gateway), its text extracted and split into chunks (tables by rows,"
            + " each chunk under the header line; images and audio by their facts and file name) and indexed in"
            + " your documents. Small files are indexed before the answer (201, status ready); larger ones in the"
            + " background (202, status indexing: follow Location). The same file again answers 200 with its"
            + " document. A file without text is stored with 0 chunks and a note.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = UploadForm.class)))
    @APIResponse(responseCode = "201", description = "Stored and indexed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadResult.class),
                    examples = @ExampleObject(name = "ready", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Stored; indexing in the background",
            headers = @Header(name = "Location", description = "/api/v1/documents/{document_id}"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadResult.class),
                    examples = @ExampleObject(name = "indexing", value = ACCEPTED_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "You uploaded these bytes before: that document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadResult.class)))
    @APIResponse(responseCode = "400", description = "Missing part, malformed metadata or data_type (ingest-service's"
            + " answer)", content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(
                    name = "no file", value = "{\"type\": \"urn:ai-data-suite:problem:validation\", \"title\":"
                            + " \"Missing file\", \"status\": 400, \"detail\": \"the multipart part 'file' is"
                            + " required\"}")))
    @APIResponse(responseCode = "403", description = "metadata.user_id names another user (ingest-service's answer)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Over the gateway's body limit (gateway.limits.max-body-size) or"
            + " ingest-service's file limit", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "A type ingest-service does not accept",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "A service is unavailable, or the indexing queue is full"
            + " (gateway.documents.indexing.queue; Retry-After)", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public void upload() {
        throw new ProblemException(500, ProblemException.INTERNAL, "Internal error",
                "Uploads are served by the gateway's streaming route; this method is only their description.");
    }
}
