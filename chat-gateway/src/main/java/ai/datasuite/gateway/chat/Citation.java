package ai.datasuite.gateway.chat;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One source an answer draws on: a chunk of the user's document or of a notice. */
@Schema(name = "ChatCitation")
public record Citation(
        @Schema(description = "The file the chunk comes from; notice:<id> for a notice", example = "f-42")
        String fileId,
        @Schema(description = "The document's id when known, else null", nullable = true)
        String documentId,
        @Schema(description = "The chunk's position in its file", example = "3")
        int chunk,
        @Schema(description = "Retrieval's score (higher is better)", example = "0.82")
        double score,
        @Schema(description = "The chunk's text (cut to gateway.chat.citation-text-chars)")
        String text,
        @Schema(description = "Where it comes from", enumeration = {"document", "notice"})
        String source,
        @Schema(description = "The notice's id, for a notice", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String noticeId) {

    public static final String DOCUMENT = "document";
    public static final String NOTICE = "notice";
}
