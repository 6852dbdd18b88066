package ai.datasuite.inference.serving;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A registered model. {@code input_names} and {@code output_name} come from the ONNX session, so they are known once
 * the model has been loaded; {@code state} is one of {@code loaded}, {@code loading}, {@code unloaded}, {@code failed},
 * and {@code error} says in the user's terms why it failed. Where the model lies on the server is not shown (the log
 * says it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelView(String id, String version, String source, String state, boolean loaded,
                        List<String> labels, List<String> inputNames, String outputName, Integer maxLength,
                        MemoryView memory, BatchingView batching, Instant loadedAt, String error) {

    /**
     * Memory of the model: {@code model_file_bytes} is the size of model.onnx; {@code memory_bytes} is how much the
     * process RSS grew when it was loaded, {@code released_bytes} how much it shrank at its last unload.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemoryView(long modelFileBytes, Long memoryBytes, Long releasedBytes, long processRssBytes) {
    }

    /** Micro-batching counters of the loaded version: session runs, texts and requests served, largest run. */
    public record BatchingView(long runs, long texts, long requests, long largestBatch) {
    }
}
