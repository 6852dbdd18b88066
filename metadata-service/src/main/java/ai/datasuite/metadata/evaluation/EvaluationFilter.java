package ai.datasuite.metadata.evaluation;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which tasks a run takes: every filter given narrows the selection (they are AND-ed), null takes any. As given at
 * creation; the view answers it unchanged.
 */
@Schema(name = "EvaluationFilter")
public record EvaluationFilter(
        @Schema(nullable = true, description = "Only these task ids (unknown ids match nothing); at most"
                + " metadata.evaluations.max-tasks ids")
        List<@NotBlank @Size(max = 255) String> taskIds,
        @Size(max = 100) @Schema(nullable = true, description = "Only tasks of these levels (at most 100 values)")
        List<@NotNull @Min(1) Integer> levels,
        @Schema(nullable = true, description = "true: only tasks with a file_name; false: only tasks without one")
        Boolean hasFile) {

    static final EvaluationFilter ANY = new EvaluationFilter(null, null, null);
}
