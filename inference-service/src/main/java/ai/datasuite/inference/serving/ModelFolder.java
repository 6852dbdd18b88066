package ai.datasuite.inference.serving;

import java.nio.file.Path;

/**
 * A text-classification model on disk in the Hugging Face ONNX export layout ({@code model.onnx},
 * {@code tokenizer.json}, {@code config.json} with {@code id2label}), served under {@code id}.
 */
public record ModelFolder(String id, String version, Path folder) {
}
