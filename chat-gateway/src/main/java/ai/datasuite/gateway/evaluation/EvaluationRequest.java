package ai.datasuite.gateway.evaluation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.datasuite.gateway.client.MetadataEvaluationsClient.Filter;

/** {@code POST /api/v1/evaluations}: which tasks, which model, how. */
@Schema(name = "EvaluationRequest")
public record EvaluationRequest(
        @Schema(description = "The model's name as the LLM server knows it; default gateway.llm.model",
                maxLength = 200, examples = "gpt-4o-mini") String model,
        @Schema(description = "The user message; must hold {{question}}, may hold {{file}} and {{steps}} (left out,"
                + " they are appended). Default: the question, then the files, then the steps.", maxLength = 20000,
                nullable = true) String promptTemplate,
        @Schema(description = "Give the task's current steps to the model as guidance", defaultValue = "false")
        Boolean useSteps,
        @Schema(description = "LLM calls in flight at once, 1..gateway.evaluations.max-concurrency",
                defaultValue = "2", minimum = "1") Integer concurrency,
        @Schema(description = "Which tasks; all conditions hold, null is any") Filter filter,
        @Schema(description = "Send images as image content (a vision model); false sends their facts. Default"
                + " gateway.evaluations.vision") Boolean vision) {
}
