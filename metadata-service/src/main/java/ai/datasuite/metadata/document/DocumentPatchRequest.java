package ai.datasuite.metadata.document;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.metadata.common.Text;

/** Body of {@code PATCH /api/v1/documents/{id}}: the fields given change, the fields left out stay. */
@Schema(name = "DocumentPatch")
public record DocumentPatchRequest(
        @Pattern(regexp = DocumentStatus.PATTERN, message = DocumentStatus.MESSAGE)
        @Schema(enumeration = {"indexing", "ready", "failed"})
        String status,
        @Min(0) @Schema(description = "Total chunks of the document's text, >= 0")
        Integer chunks,
        @Min(0) @Schema(description = "Chunks indexed so far: 0..chunks")
        Integer chunksIndexed,
        @Text(max = 1000, controls = true) @Schema(description = "Why indexing failed, in the user's words; at most"
                + " 1000 characters")
        String error) {
}
