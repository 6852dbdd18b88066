package ai.datasuite.ingest.upload;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@code metadata} part of an upload. {@code user_id} is optional: the owner is the verified caller, and only an
 * admin (or a service of the suite) may name another user.
 */
@Schema(name = "UploadMetadata", example = """
        {"data_type": "benchmark", "task_id": "c61d22de-5f6c-4958-a7f6-5e9707bd3466", "tags": ["gaia", "validation"]}""")
public record UploadRequest(
        // Starts with a letter or digit: "." and ".." would become path segments of the S3 keys.
        @Pattern(regexp = OWNER_PATTERN, message = OWNER_MESSAGE)
        @Schema(description = "Optional: the owner; left out, the caller. Only an admin may name another user (403 "
                + "otherwise).", example = "alice")
        String userId,
        @NotBlank(message = "data_type is required")
        // MIME-like values (text/csv) too; it is a label and a list filter, never a part of an object key.
        @Pattern(regexp = DATA_TYPE_PATTERN, message = DATA_TYPE_MESSAGE)
        String dataType,
        @Size(max = 128, message = "task_id is at most 128 characters")
        String taskId,
        @Size(max = 50, message = "at most 50 tags")
        List<@NotBlank(message = "tags must not be blank") @Size(max = 64, message = "a tag is at most 64 characters") String> tags) {

    /** A data type: the seed's words (text, csv, image) or a MIME type (text/csv, application/vnd.ms-excel). */
    public static final String DATA_TYPE_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.+/-]{0,63}";
    public static final String DATA_TYPE_MESSAGE =
            "data_type must be 1-64 letters, digits or _ - . + /, starting with a letter or digit (e.g. csv, text/csv)";

    /** An owner id, which becomes a path segment of the object keys. */
    public static final String OWNER_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,127}";
    public static final String OWNER_MESSAGE =
            "user_id must be 1-128 letters, digits or . _ @ -, starting with a letter or digit";

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }
}
