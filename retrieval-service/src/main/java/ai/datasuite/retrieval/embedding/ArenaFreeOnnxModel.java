package ai.datasuite.retrieval.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.DimensionAwareEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.output.Response;

/**
 * One of LangChain4j's bundled embedding models (the ONNX file and tokenizer in its jar, mean pooling: what its own
 * model class loads, so the vectors are the same) on sessions made here, for differences in memory and speed:
 * <ul>
 *   <li>ONNX Runtime's CPU arena is off. The arena keeps the peak of every run's buffers for the life of the session:
 *   after fitting a model on SQuAD, ~180 MB that an idle service held (benchmarks/README.md, "The suite as a
 *   whole"). Without it, a run's buffers go back to malloc, which returns them to the system.</li>
 *   <li>The model is read from a temporary copy of the file instead of a Java array: a 34 MB (e5) or 90 MB (MiniLM)
 *   array lands in the old generation, which the serial collector never gives back.</li>
 *   <li>A batch runs on a second session with one intra-op thread, created on the first batch. LangChain4j embeds a
 *   batch's texts in parallel, one per core; on the default session each of those runs also spreads over every core
 *   and spins, so the runs fight for the cores: e5 indexed SQuAD passages 1.4 times faster this way
 *   (benchmarks/README.md, "Fourth pass"). A lone text (a query) keeps the default session, where all cores serve
 *   it. The second session holds a second copy of the weights.</li>
 * </ul>
 */
final class ArenaFreeOnnxModel extends DimensionAwareEmbeddingModel {

    private final String modelResource;
    private final String tokenizerResource;
    private final int dimension;
    /** Lone texts: ONNX Runtime's default intra-op threads, on the caller's thread. */
    private final OnSession lone;
    /** Batches: one intra-op thread per run; null until the first batch. */
    private volatile OnSession batches;

    /** Loads {@code modelResource} and {@code tokenizerResource} from the class path (LangChain4j's model jar). */
    ArenaFreeOnnxModel(String modelResource, String tokenizerResource, int dimension) {
        this.modelResource = modelResource;
        this.tokenizerResource = tokenizerResource;
        this.dimension = dimension;
        this.lone = new OnSession(load(modelResource, tokenizerResource, 0));
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return (segments.size() > 1 ? batches() : lone).embedAll(segments);
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }

    /** Whether a batch has loaded the second session (for tests). */
    boolean hasBatchSession() {
        return batches != null;
    }

    private OnSession batches() {
        OnSession runs = batches;
        if (runs == null) {
            synchronized (this) {
                runs = batches;
                if (runs == null) {
                    runs = new OnSession(load(modelResource, tokenizerResource, 1));
                    batches = runs;
                }
            }
        }
        return runs;
    }

    /**
     * LangChain4j's embedAll on one session: a lone text on the caller's thread, a batch in parallel on its default
     * executor (one thread per core), as its own model classes run.
     */
    private static final class OnSession extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        OnSession(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }

    /** A session on a temporary copy of the model, without the CPU arena; {@code intraOpThreads} 0 is the default. */
    private static OnnxBertBiEncoder load(String modelResource, String tokenizerResource, int intraOpThreads) {
        ClassLoader loader = ArenaFreeOnnxModel.class.getClassLoader();
        Path copy = null;
        try (InputStream model = open(loader, modelResource); InputStream tokenizer = open(loader, tokenizerResource)) {
            copy = Files.createTempFile("embedding-model-", ".onnx");
            Files.copy(model, copy, StandardCopyOption.REPLACE_EXISTING);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setCPUArenaAllocator(false);
                if (intraOpThreads > 0) {
                    options.setIntraOpNumThreads(intraOpThreads);
                }
                OrtSession session = env.createSession(copy.toString(), options);
                try {
                    return new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
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
}
