package ai.datasuite.metadata.file;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/files/references}: which of these keys are still used? */
public record ReferencesRequest(
        @NotBlank String bucket,
        @NotNull @Size(max = 1000) List<@NotBlank String> keys) {
}
