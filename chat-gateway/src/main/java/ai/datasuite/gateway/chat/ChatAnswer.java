package ai.datasuite.gateway.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer of {@code POST /api/chat} (not streamed). */
@Schema(name = "ChatAnswer")
public record ChatAnswer(
        @Schema(description = "The answer")
        String answer,
        @Schema(description = "llm: written by the LLM; extractive: the best sentences of the sources",
                enumeration = {"llm", "extractive"})
        String mode,
        @Schema(description = "The LLM's model; null when extractive", nullable = true)
        String model,
        @Schema(description = "The conversation this turn belongs to (send it back to continue)")
        String conversationId,
        @Schema(description = "The stored answer's id, to rate it with PUT /api/v1/conversations/{id}/messages/"
                + "{message_id}/rating", nullable = true)
        Long messageId,
        List<Citation> citations,
        @Schema(description = "Why the answer is extractive (no LLM configured, the LLM failed) or what went wrong",
                nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String note) {

    public static final String LLM = "llm";
    public static final String EXTRACTIVE = "extractive";
}
