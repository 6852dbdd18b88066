package ai.datasuite.retrieval.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * One of LangChain4j's bundled embedding models (the ONNX file and tokenizer in its jar, mean pooling: what its own
 * model class loads, so the vectors are the same) on a session made here, for two differences in memory:
 * <ul>
 *   <li>ONNX Runtime's CPU arena is off. The arena keeps the peak of every run's buffers for the life of the session:
 *   after fitting a model on SQuAD, ~180 MB that an idle service held (benchmarks/README.md, "The suite as a
 *   whole"). Without it, a run's buffers go back to malloc, which returns them to the system.</li>
 *   <li>The model is read from a temporary copy of the file instead of a Java array: a 34 MB (e5) or 90 MB (MiniLM)
 *   array lands in the old generation, which the serial collector never gives back.</li>
 * </ul>
 */
final class ArenaFreeOnnxModel extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    /** Loads {@code modelResource} and {@code tokenizerResource} from the class path (LangChain4j's model jar). */
    ArenaFreeOnnxModel(String modelResource, String tokenizerResource, int dimension) {
        super(null); // LangChain4j's default executor, as its own model classes use
        this.dimension = dimension;
        ClassLoader loader = ArenaFreeOnnxModel.class.getClassLoader();
        Path copy = null;
        try (InputStream model = open(loader, modelResource); InputStream tokenizer = open(loader, tokenizerResource)) {
            copy = Files.createTempFile("embedding-model-", ".onnx");
            Files.copy(model, copy, StandardCopyOption.REPLACE_EXISTING);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setCPUArenaAllocator(false);
                OrtSession session = env.createSession(copy.toString(), options);
                try {
                    this.encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
                } catch (RuntimeException e) {
                    // The tokenizer failed: the native session is not left behind.
                    try {
                        session.close();
                    } catch (OrtException closing) {
                        e.addSuppressed(closing);
                    }
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the embedding model " + modelResource, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the embedding model " + modelResource, e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // A leftover temporary copy is harmless; the session has its own.
                }
            }
        }
    }

    private static InputStream open(ClassLoader loader, String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the class path");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}
