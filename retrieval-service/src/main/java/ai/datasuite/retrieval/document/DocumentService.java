package ai.datasuite.retrieval.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.retrieval.config.DocumentsConfig;
import ai.datasuite.retrieval.document.DocumentSearchResponse.DocumentHit;
import ai.datasuite.retrieval.embedding.EmbeddingModels;
import ai.datasuite.retrieval.embedding.TextEmbedder;
import ai.datasuite.retrieval.model.RetrievalModel.Hit;
import ai.datasuite.retrieval.model.ScoreFusion;
import ai.datasuite.retrieval.text.EnglishStopWords;
import ai.datasuite.retrieval.text.TextAnalyzer;
import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;
import ai.datasuite.vectorindex.VectorStore;

/**
 * Each user's document chunks for RAG, all in one collection with the owner in the payload; every search and delete
 * carries an {@code owner} filter, so one owner never sees another's chunks. A chunk has a dense vector (the
 * configured embedding model) and a sparse one: BM25's saturated term frequency over hashed terms. There is no idf:
 * the collection is shared and grows a file at a time, so there are no stable corpus statistics; stop words are
 * dropped instead. A search fuses both lists like the {@code hybrid} model type.
 * <p>
 * The owner of every call is resolved by the resource from the verified caller (a user acts only as themselves, an
 * admin for anyone); this class only validates it.
 */
@ApplicationScoped
public class DocumentService {

    static final String OWNER = "owner";
    static final String SOURCE_FILE_ID = "source_file_id";
    static final String POSITION = "position";
    static final String TEXT = "text";
    static final Set<String> FILTER_KEYS = Set.of(SOURCE_FILE_ID);
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    /** BM25's average chunk length, fixed (typical RAG chunks), since the corpus keeps changing. */
    private static final double AVERAGE_WORDS = 120;
    static final String MAX_CHUNKS_PER_OWNER = "retrieval.documents.max-chunks-per-owner";
    static final String OWNER_LIMIT = "owner-chunk-limit";
    /** Striped locks: an owner's check and write are one step, without a lock object kept per owner. */
    private static final int LOCK_STRIPES = 64;

    private final VectorStore store;
    private final EmbeddingModels models;
    private final DocumentsConfig config;
    private final TextAnalyzer analyzer = new TextAnalyzer(true, EnglishStopWords.WORDS, 1, 1);
    private final Highlighter highlighter;
    private volatile boolean collectionReady;
    private final Object[] ownerLocks = new Object[LOCK_STRIPES];

    public DocumentService(VectorStore store, EmbeddingModels models, DocumentsConfig config) {
        this.store = store;
        this.models = models;
        this.config = config;
        DocumentsConfig.Highlights h = config.highlights();
        this.highlighter = new Highlighter(new Highlighter.Settings(h.denseWeight(), h.lexicalWeight(), h.hitWeight(),
                h.maxSentenceChars(), h.cacheSize()));
        for (int i = 0; i < LOCK_STRIPES; i++) {
            ownerLocks[i] = new Object();
        }
    }

    /** Indexes the request's chunks as {@code owner}'s (the resolved owner; the body's is not read here). */
    public DocumentIndexResult index(DocumentIndexRequest request, String owner) {
        if (request == null) {
            throw invalid("request", "The body must be a JSON object with source_file_id and chunks");
        }
        owner = id("owner", owner);
        String file = id("source_file_id", request.sourceFileId());
        List<DocumentChunk> chunks = request.chunks();
        if (chunks == null || chunks.isEmpty()) {
            throw invalid("chunks", "chunks must hold at least one {text, position}");
        }
        if (chunks.size() > config.maxChunks()) {
            throw new ProblemException(413, ProblemException.PAYLOAD_TOO_LARGE, "Payload too large",
                    chunks.size() + " chunks in one request; at most " + config.maxChunks() + " (send several)",
                    Map.of("param", "chunks", "max", config.maxChunks()));
        }
        Set<Integer> positions = new HashSet<>();
        for (int i = 0; i < chunks.size(); i++) {
            DocumentChunk chunk = chunks.get(i);
            String where = "chunks[" + i + "]";
            if (chunk == null) {
                throw invalid(where, where + " is null");
            }
            if (chunk.text() == null || chunk.text().isBlank()) {
                throw invalid(where + ".text", where + ".text is missing or blank");
            }
            if (chunk.text().length() > config.maxChunkChars()) {
                throw invalid(where + ".text", where + ".text has " + chunk.text().length()
                        + " characters; at most " + config.maxChunkChars());
            }
            if (chunk.position() == null || chunk.position() < 0) {
                throw invalid(where + ".position", where + ".position must be an integer >= 0");
            }
            if (!positions.add(chunk.position())) {
                throw invalid(where + ".position", "position " + chunk.position() + " appears twice");
            }
        }
        Map<String, String> fileFilter = Map.of(OWNER, owner, SOURCE_FILE_ID, file);
        boolean replace = Boolean.TRUE.equals(request.replace());
        // Checked before embedding (fails fast) and again with the write, under the owner's lock.
        checkRoom(owner, fileFilter, chunks.size(), replace);
        long start = System.nanoTime();
        TextEmbedder embedder = embedder();
        ensureCollection(embedder);
        float[][] vectors = embedder.embedPassages(chunks.stream().map(DocumentChunk::text).toList());
        List<VectorPoint> points = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            DocumentChunk chunk = chunks.get(i);
            Map<String, String> payload = new LinkedHashMap<>();
            payload.put(OWNER, owner);
            payload.put(SOURCE_FILE_ID, file);
            payload.put(POSITION, Integer.toString(chunk.position()));
            payload.put(TEXT, chunk.text());
            points.add(new VectorPoint(pointId(owner, file, chunk.position()), vectors[i],
                    documentVector(chunk.text()), payload));
        }
        long replaced;
        long fileChunks;
        synchronized (ownerLocks[Math.floorMod(owner.hashCode(), LOCK_STRIPES)]) {
            checkRoom(owner, fileFilter, chunks.size(), replace);
            replaced = replace ? store.delete(config.collection(), fileFilter) : 0;
            store.upsert(config.collection(), points);
            fileChunks = store.count(config.collection(), fileFilter);
        }
        return new DocumentIndexResult(owner, file, points.size(), replaced, fileChunks, embedder.name(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * 409 when {@code adding} chunks would take the owner past {@code max-chunks-per-owner}. The store counts (no
     * per-owner state is kept here); a file's chunks count as freed only with {@code replace}, since re-sent positions
     * are not known without reading them.
     */
    private void checkRoom(String owner, Map<String, String> fileFilter, int adding, boolean replace) {
        long held = store.count(config.collection(), Map.of(OWNER, owner));
        if (held < 0) {
            return; // the store cannot tell
        }
        long freed = replace ? Math.max(0, store.count(config.collection(), fileFilter)) : 0;
        long after = held - freed + adding;
        int max = config.maxChunksPerOwner();
        if (after > max) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("limit", MAX_CHUNKS_PER_OWNER);
            extensions.put("max", max);
            extensions.put("held", held);
            extensions.put("requested", adding);
            throw new ProblemException(409, OWNER_LIMIT, "Too many document chunks", "'" + owner + "' holds " + held
                    + " document chunks; these " + adding + " would make " + after + ", more than " + max + " ("
                    + MAX_CHUNKS_PER_OWNER + "): delete documents no longer needed, or re-index a file with"
                    + " replace: true", extensions);
        }
    }

    /**
     * Searches {@code owner}'s chunks (the resolved owner; the body's is not read here), and the public notices' too
     * with {@code include_public}; picks {@code highlights} answer sentences among the hits.
     */
    public DocumentSearchResponse search(DocumentSearchRequest request, String owner) {
        if (request == null) {
            throw invalid("request", "The body must be a JSON object with a query");
        }
        owner = id("owner", owner);
        if (request.query() == null || request.query().isBlank()) {
            throw invalid("query", "query is missing or blank");
        }
        if (request.query().length() > config.maxQueryChars()) {
            throw invalid("query", "query has " + request.query().length() + " characters; at most "
                    + config.maxQueryChars());
        }
        int topK = request.topK() == null ? 5 : request.topK();
        if (topK < 1 || topK > config.maxTopK()) {
            throw invalid("top_k", "top_k must be from 1 to " + config.maxTopK());
        }
        int highlights = request.highlights() == null ? 0 : request.highlights();
        if (highlights < 0 || highlights > config.highlights().max()) {
            throw invalid("highlights", "highlights must be from 0 to " + config.highlights().max()
                    + " (retrieval.documents.highlights.max)");
        }
        Map<String, String> filter = new LinkedHashMap<>();
        if (request.filters() != null) {
            for (Map.Entry<String, String> e : request.filters().entrySet()) {
                if (!FILTER_KEYS.contains(e.getKey())) {
                    throw invalid("filters." + e.getKey(), "Unknown filter '" + e.getKey() + "'; allowed: "
                            + String.join(", ", FILTER_KEYS));
                }
                if (e.getValue() != null) {
                    filter.put(e.getKey(), id("filters." + e.getKey(), e.getValue()));
                }
            }
        }
        List<String> owners = Boolean.TRUE.equals(request.includePublic())
                && !owner.equals(DocumentsConfig.PUBLIC_OWNER)
                ? List.of(owner, DocumentsConfig.PUBLIC_OWNER) : List.of(owner);

        TextEmbedder embedder = embedder();
        DocumentsConfig.Fusion fusion = config.fusion();
        int depth = Math.max(topK, fusion.candidates());
        float[] queryVector = embedder.embedQueries(List.of(request.query()))[0];
        SparseVector sparseQuery = queryVector(request.query());
        // One store search per owner filter (a filter is an exact match), each list merged by score.
        List<ScoredPoint> dense = new ArrayList<>();
        List<ScoredPoint> sparse = new ArrayList<>();
        for (String o : owners) {
            Map<String, String> ownerFilter = new LinkedHashMap<>(filter);
            ownerFilter.put(OWNER, o); // last, so no filter can replace it
            dense.addAll(store.searchDense(config.collection(), queryVector, depth, ownerFilter));
            if (sparseQuery.indices().length > 0) {
                sparse.addAll(store.searchSparse(config.collection(), sparseQuery, depth, ownerFilter));
            }
        }
        dense = merged(dense, depth);
        sparse = merged(sparse, depth);

        // Fusion works on small ints: number the points of both lists.
        Map<Long, Integer> local = new HashMap<>();
        Map<Integer, ScoredPoint> byLocal = new HashMap<>();
        List<Hit> denseHits = hits(dense, local, byLocal);
        List<Hit> sparseHits = hits(sparse, local, byLocal);
        List<Hit> fused = "rrf".equals(fusion.method())
                ? ScoreFusion.rrf(List.of(sparseHits, denseHits), fusion.rrfK())
                : ScoreFusion.weighted(sparseHits, denseHits, fusion.weight(),
                        ScoreFusion.Normalization.valueOf(fusion.normalization().toUpperCase()));
        Map<Integer, Double> denseScore = scores(denseHits);
        Map<Integer, Double> sparseScore = scores(sparseHits);
        List<DocumentHit> results = new ArrayList<>();
        for (Hit hit : fused.subList(0, Math.min(topK, fused.size()))) {
            ScoredPoint point = byLocal.get(hit.contextId());
            Map<String, String> payload = point.payload();
            if (!owners.contains(payload.get(OWNER))) {
                // The store filtered by owner; this guards against a store that ignored the filter.
                throw new IllegalStateException("The vector store returned a chunk of another owner");
            }
            results.add(new DocumentHit(payload.get(OWNER), payload.get(SOURCE_FILE_ID),
                    Integer.parseInt(payload.get(POSITION)), payload.get(TEXT), hit.score(),
                    denseScore.get(hit.contextId()), sparseScore.get(hit.contextId())));
        }
        return new DocumentSearchResponse(owner, request.query(), results,
                highlighter.highlight(request.query(), queryVector, results, highlights, embedder));
    }

    /** The best {@code depth} of several owners' lists (ties: lower id first, like the store). */
    private static List<ScoredPoint> merged(List<ScoredPoint> points, int depth) {
        points.sort(Comparator.comparingDouble((ScoredPoint p) -> -p.score()).thenComparingLong(ScoredPoint::id));
        return points.size() > depth ? new ArrayList<>(points.subList(0, depth)) : points;
    }

    public DocumentDeleteResult delete(String owner, String sourceFileId) {
        String o = id("owner", owner);
        String file = id("source_file_id", sourceFileId);
        long deleted = store.delete(config.collection(), Map.of(OWNER, o, SOURCE_FILE_ID, file));
        return new DocumentDeleteResult(o, file, deleted);
    }

    private static List<Hit> hits(List<ScoredPoint> points, Map<Long, Integer> local,
            Map<Integer, ScoredPoint> byLocal) {
        List<Hit> hits = new ArrayList<>(points.size());
        for (ScoredPoint p : points) {
            int n = local.computeIfAbsent(p.id(), id -> local.size());
            byLocal.putIfAbsent(n, p);
            hits.add(new Hit(n, p.score()));
        }
        return hits;
    }

    private static Map<Integer, Double> scores(List<Hit> hits) {
        Map<Integer, Double> out = new HashMap<>();
        hits.forEach(h -> out.put(h.contextId(), h.score()));
        return out;
    }

    private TextEmbedder embedder() {
        return models.get(EmbeddingModels.Kind.of(config.model()));
    }

    private void ensureCollection(TextEmbedder embedder) {
        if (!collectionReady) {
            store.ensureCollection(config.collection(), embedder.dimension(), true);
            collectionReady = true;
        }
    }

    /** BM25's document side without idf: {@code tf / (tf + k1 * (1 - b + b * len / avglen))} per hashed term. */
    SparseVector documentVector(String text) {
        List<String> terms = analyzer.analyze(text);
        double norm = K1 * (1 - B + B * terms.size() / AVERAGE_WORDS);
        TreeMap<Integer, Double> tf = termCounts(terms);
        tf.replaceAll((term, count) -> count / (count + norm));
        return toSparse(tf);
    }

    /** Each distinct query term once. */
    SparseVector queryVector(String text) {
        TreeMap<Integer, Double> terms = termCounts(analyzer.analyze(text));
        terms.replaceAll((term, count) -> 1.0);
        return toSparse(terms);
    }

    private static TreeMap<Integer, Double> termCounts(List<String> terms) {
        TreeMap<Integer, Double> counts = new TreeMap<>();
        for (String term : terms) {
            // String.hashCode is specified by the JLS, so the ids are the same in every JVM and after restarts.
            counts.merge(term.hashCode() & 0x7fffffff, 1.0, Double::sum);
        }
        return counts;
    }

    private static SparseVector toSparse(TreeMap<Integer, Double> weights) {
        int[] indices = new int[weights.size()];
        float[] values = new float[weights.size()];
        int i = 0;
        for (Map.Entry<Integer, Double> e : weights.entrySet()) {
            indices[i] = e.getKey();
            values[i++] = e.getValue().floatValue();
        }
        return new SparseVector(indices, values);
    }

    /**
     * A stable non-negative id per (owner, file, position): re-sending a chunk replaces it, and two owners' chunks never
     * share one (the NUL separators are unambiguous because {@link #id} refuses control characters in owners and file
     * ids). 63 bits of SHA-256: two different chunks collide with probability about n²/2⁶⁴ (n = 10⁸ chunks: 3·10⁻⁴).
     */
    static long pointId(String owner, String file, int position) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (owner + '\u0000' + file + '\u0000' + position).getBytes(StandardCharsets.UTF_8));
            long id = 0;
            for (int i = 0; i < 8; i++) {
                id = (id << 8) | (digest[i] & 0xff);
            }
            return id & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String id(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name, name + " is missing or blank");
        }
        if (value.length() > config.maxIdLength()) {
            throw invalid(name, name + " has " + value.length() + " characters; at most " + config.maxIdLength());
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw invalid(name, name + " must not contain control characters");
        }
        return value;
    }

    private static ProblemException invalid(String field, String detail) {
        return ProblemException.validation(detail, Map.of("field", field));
    }
}
