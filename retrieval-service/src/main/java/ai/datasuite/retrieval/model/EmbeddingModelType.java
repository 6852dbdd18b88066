package ai.datasuite.retrieval.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.config.ModelsConfig;
import ai.datasuite.retrieval.dataset.QaDataset;
import ai.datasuite.retrieval.embedding.EmbeddingModels;
import ai.datasuite.retrieval.embedding.TextEmbedder;
import ai.datasuite.retrieval.text.TextChunker;
import ai.datasuite.vectorindex.AtomicFiles;
import ai.datasuite.vectorindex.VectorPoint;

/**
 * {@code embedding}: contexts embedded in process (e5-small-v2 with its {@code query: } / {@code passage: } prefixes,
 * or all-MiniLM-L6-v2), whole and/or in chunks (sentences, or overlapping word windows); see
 * {@link DenseRetrievalModel} for the score.
 */
@ApplicationScoped
class EmbeddingModelType implements RetrievalModelType {

    public static final String TYPE = "embedding";
    static final List<String> PARAMS = List.of("model", "chunking", "chunk_words", "chunk_overlap", "passage_weight");
    static final List<String> CHUNKING = List.of("sentences", "words", "none");
    private static final Logger LOG = Logger.getLogger(EmbeddingModelType.class);
    private static final String META = "dense.properties";
    /** Chunks embedded and upserted together: bounds the memory a fit holds. */
    private static final int SLICE = 512;

    static final String MIN_CHUNK_WORDS = "retrieval.models.fit.min-chunk-words";
    static final String MAX_EMBEDDED_TEXTS = "retrieval.models.fit.max-embedded-texts";

    private final EmbeddingModels models;
    private final ModelsConfig.Fit limits;

    public EmbeddingModelType(EmbeddingModels models, ModelsConfig config) {
        this.models = models;
        this.limits = config.fit();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> validate(Map<String, Object> params) {
        ModelParams p = ModelParams.of(TYPE, params, PARAMS);
        EmbeddingModels.Kind kind = EmbeddingModels.Kind.of(
                p.choice("model", EmbeddingModels.Kind.E5_SMALL_V2.id(), EmbeddingModels.Kind.ids()));
        String chunking = p.choice("chunking", kind.defaultChunking(), CHUNKING);
        int words = p.integer("chunk_words", kind.defaultChunkWords(), 1, 10_000);
        int overlap = p.integer("chunk_overlap", Math.min(20, words / 4), 0, 10_000);
        if (chunking.equals("words") && overlap >= words) {
            throw p.invalid("chunk_overlap", "must be smaller than chunk_words (" + words + ")",
                    Map.of("min", 0, "max", words - 1));
        }
        double weight = p.number("passage_weight", kind.defaultPassageWeight(), 0.0, 1.0);
        if (chunking.equals("none") && weight != 1.0) {
            if (p.has("passage_weight")) {
                throw p.invalid("passage_weight", "must be 1 (or absent) when chunking is none", List.of(1.0));
            }
            p.put("passage_weight", 1.0);
        }
        return p.result();
    }

    @Override
    public RetrievalModel fit(QaDataset dataset, Map<String, Object> params, Storage storage) {
        TextEmbedder embedder = embedder(params);
        TextChunker chunker = chunker(params);
        boolean chunked = chunker.mode() != TextChunker.Mode.NONE;
        // Checked at fit, not in validate: models saved with shorter windows must still load.
        if (chunker.mode() == TextChunker.Mode.WORDS && chunker.words() < limits.minChunkWords()) {
            throw fitLimit("chunk_words", "Parameter 'chunk_words' of model_type " + TYPE + " must be at least "
                    + limits.minChunkWords() + " to fit (got " + chunker.words() + "; " + MIN_CHUNK_WORDS + ")",
                    MIN_CHUNK_WORDS, limits.minChunkWords());
        }
        double passageWeight = passageWeight(params);
        // What to embed: the whole context when it weighs in the score, and its chunks when chunked.
        List<String> texts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        int maxChunks = 1;
        for (int c = 0; c < dataset.contexts().size(); c++) {
            String context = dataset.contexts().get(c);
            if (passageWeight > 0) {
                texts.add(context);
                owners.add(c);
                kinds.add(DenseRetrievalModel.PASSAGE);
            }
            if (chunked) {
                List<String> chunks = chunker.chunks(context);
                maxChunks = Math.max(maxChunks, chunks.size());
                for (String chunk : chunks) {
                    texts.add(chunk);
                    owners.add(c);
                    kinds.add(DenseRetrievalModel.CHUNK);
                }
            }
            // Stops collecting as soon as the fit is too large, before anything is embedded.
            if (texts.size() > limits.maxEmbeddedTexts()) {
                throw ModelRequests.tooMuch("This fit would embed more than " + limits.maxEmbeddedTexts()
                        + " texts (contexts and their chunks; " + texts.size() + " after " + (c + 1) + " of "
                        + dataset.contexts().size() + " contexts): use longer chunks (chunk_words), chunking none,"
                        + " or a smaller dataset", MAX_EMBEDDED_TEXTS, limits.maxEmbeddedTexts(), texts.size());
            }
        }
        long start = System.nanoTime();
        storage.store().ensureCollection(storage.collection(), embedder.dimension(), false);
        for (int from = 0; from < texts.size(); from += SLICE) {
            int to = Math.min(texts.size(), from + SLICE);
            float[][] vectors = embedder.embedPassages(texts.subList(from, to));
            List<VectorPoint> points = new ArrayList<>(vectors.length);
            for (int i = from; i < to; i++) {
                Map<String, String> payload = new LinkedHashMap<>();
                payload.put("dataset_id", dataset.id());
                payload.put("context_id", Integer.toString(owners.get(i)));
                payload.put(DenseRetrievalModel.KIND, kinds.get(i));
                points.add(new VectorPoint(i, vectors[i - from], null, payload));
            }
            storage.store().upsert(storage.collection(), points);
        }
        LOG.infof("Embedded %d texts (passages and chunks) of %d contexts with %s in %d ms", texts.size(),
                dataset.contexts().size(), embedder.name(), (System.nanoTime() - start) / 1_000_000);
        writeMeta(storage.dir(), maxChunks, texts.size());
        return new DenseRetrievalModel(embedder, storage.store(), storage.collection(), chunked, maxChunks,
                passageWeight);
    }

    @Override
    public RetrievalModel load(Map<String, Object> params, Storage storage) {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(storage.dir().resolve(META))) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + storage.dir().resolve(META), e);
        }
        return new DenseRetrievalModel(embedder(params), storage.store(), storage.collection(),
                chunker(params).mode() != TextChunker.Mode.NONE,
                Integer.parseInt(meta.getProperty("max_chunks_per_context")), passageWeight(params));
    }

    private static ProblemException fitLimit(String param, String detail, String key, int min) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("param", param);
        extensions.put("limit", key);
        extensions.put("min", min);
        return ProblemException.validation(detail, extensions);
    }

    TextEmbedder embedder(Map<String, Object> params) {
        return models.get(EmbeddingModels.Kind.of((String) params.get("model")));
    }

    static TextChunker chunker(Map<String, Object> params) {
        return new TextChunker(TextChunker.Mode.valueOf(((String) params.get("chunking")).toUpperCase()),
                ((Number) params.get("chunk_words")).intValue(), ((Number) params.get("chunk_overlap")).intValue());
    }

    static double passageWeight(Map<String, Object> params) {
        return ((Number) params.get("passage_weight")).doubleValue();
    }

    private static void writeMeta(Path dir, int maxChunks, int chunks) {
        Properties meta = new Properties();
        meta.setProperty("max_chunks_per_context", Integer.toString(maxChunks));
        meta.setProperty("chunks", Integer.toString(chunks));
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(META),
                    (OutputStream out) -> meta.store(out, "dense model"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
