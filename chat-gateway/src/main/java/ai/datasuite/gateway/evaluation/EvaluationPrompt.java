package ai.datasuite.gateway.evaluation;

import java.util.List;

import dev.langchain4j.data.message.Content;

/**
 * What a task's run sends: the system message, the user message's text as stored with the result (an image as
 * {@code [image: name, N bytes, sent as image content]}), the user message's contents (that text, then the images),
 * whether the files' text was cut to the budget and the notes that say how, and the steps it carries.
 */
public record EvaluationPrompt(String system, String text, List<Content> contents, boolean truncated, String notes,
                               boolean stepsUsed, Integer stepsVersion) {
}
