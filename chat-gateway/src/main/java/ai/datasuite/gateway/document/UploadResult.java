package ai.datasuite.gateway.document;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of {@code POST /api/upload}: the stored file, its document, how many chunks and whether they are all
 * indexed ({@code ready}) or still being indexed ({@code indexing}: follow the document). {@code httpStatus} is 201
 * (new and indexed), 202 (indexing in the background) or 200 (the same file again: the existing document).
 */
@Schema(name = "UploadResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadResult(
        @Schema(description = "ingest-service's id of the stored file") String fileId,
        @Schema(description = "The document: GET /api/v1/documents/{document_id}") String documentId,
        @Schema(description = "Chunks of the file's text (null while not yet known)") Integer chunks,
        @Schema(enumeration = {"ready", "indexing", "failed"}) String status,
        String name,
        String dataType,
        @Schema(description = "Said when something is worth knowing, e.g. the file had no text to search") String note,
        @JsonIgnore int httpStatus) {

    public String location() {
        return "/api/v1/documents/" + documentId;
    }
}
