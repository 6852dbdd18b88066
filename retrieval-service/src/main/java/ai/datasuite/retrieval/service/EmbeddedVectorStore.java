package ai.datasuite.retrieval.service;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import ai.datasuite.problem.ProblemException;

/**
 * The in-process vector store: exact search over one contiguous {@code float[]} (n x dim) per collection and an
 * inverted index (term -> postings) for sparse vectors. Each collection lives in {@code <root>/<collection>/}:
 * {@code collection.properties} (dimension, sparse), then a log of segment files ({@code seg-<seq>.bin}: upserted
 * points or deleted ids), each written to a temporary file, forced to disk and atomically renamed, so a crash never
 * leaves a half-written segment behind. When the log grows past {@code maxSegments} it is folded into one snapshot
 * ({@code snap-<seq>.bin}) and the older files are removed. Everything is reloaded at construction.
 * Thread-safe: searches share a collection's read lock, writes take its write lock.
 */
public class EmbeddedVectorStore implements VectorStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedVectorStore.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final int MAGIC = 0x52565331; // "RVS1"
    private static final byte UPSERT = 0;
    private static final byte DELETE = 1;
    private static final byte SNAPSHOT = 2;
    private static final String META = "collection.properties";

    private final Path root;
    private final int maxSegments;
    private final Map<String, Collection> collections = new ConcurrentHashMap<>();

    /**
     * Opens the store under {@code root}; {@code maxSegments} log files are kept before folding. Collections on disk
     * are read on first use (and again after {@link #release}), so models that are not loaded hold no memory.
     */
    public EmbeddedVectorStore(Path root, int maxSegments) {
        this.root = root;
        this.maxSegments = Math.max(1, maxSegments);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the vector store at " + root, e);
        }
    }

    public EmbeddedVectorStore(Path root) {
        this(root, 32);
    }

    @Override
    public void ensureCollection(String collection, int denseDimension, boolean sparse) {
        checkName(collection);
        if (denseDimension < 0 || (denseDimension == 0 && !sparse)) {
            throw new IllegalArgumentException("A collection needs dense vectors (dimension > 0) or sparse vectors");
        }
        get(collection); // a collection on disk counts as existing
        collections.compute(collection, (name, existing) -> {
            if (existing != null) {
                if (existing.dim != denseDimension || existing.sparse != sparse) {
                    throw ProblemException.conflict("Collection " + name + " exists with dimension " + existing.dim
                            + " and sparse=" + existing.sparse);
                }
                return existing;
            }
            Path dir = root.resolve(name);
            try {
                Files.createDirectories(dir);
                Properties meta = new Properties();
                meta.setProperty("dimension", Integer.toString(denseDimension));
                meta.setProperty("sparse", Boolean.toString(sparse));
                AtomicFiles.write(dir.resolve(META), out -> meta.store(out, "embedded vector store collection"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Collection(dir, denseDimension, sparse);
        });
    }

    @Override
    public void upsert(String collection, List<VectorPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        Collection c = require(collection);
        for (VectorPoint p : points) {
            c.check(p);
        }
        c.lock.writeLock().lock();
        try {
            c.writeSegment(UPSERT, out -> writePoints(out, c, points));
            c.apply(points);
            maybeFold(c);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot persist points of " + collection, e);
        } finally {
            c.lock.writeLock().unlock();
        }
    }

    @Override
    public List<ScoredPoint> searchDense(String collection, float[] query, int k, Map<String, String> filter) {
        Collection c = get(collection);
        if (c == null || k <= 0) {
            return List.of();
        }
        if (c.dim == 0 || query.length != c.dim) {
            throw new IllegalArgumentException("Query dimension " + query.length + " does not match " + c.dim);
        }
        c.lock.readLock().lock();
        try {
            TopK top = new TopK(k);
            boolean[] allowed = c.matching(filter);
            float[] data = c.dense;
            int dim = c.dim;
            for (int i = 0; i < c.size; i++) {
                if ((allowed == null || allowed[i]) && c.hasDense[i]) {
                    top.offer(i, dot(query, data, i * dim, dim), c.ids[i]);
                }
            }
            return top.result(c);
        } finally {
            c.lock.readLock().unlock();
        }
    }

    @Override
    public List<ScoredPoint> searchSparse(String collection, SparseVector query, int k, Map<String, String> filter) {
        Collection c = get(collection);
        if (c == null || k <= 0) {
            return List.of();
        }
        if (!c.sparse) {
            throw new IllegalArgumentException("Collection " + collection + " has no sparse vectors");
        }
        c.lock.readLock().lock();
        try {
            float[] acc = new float[c.size];
            boolean[] touched = new boolean[c.size];
            int[] touchedList = new int[Math.min(c.size, 1024)];
            int nTouched = 0;
            for (int q = 0; q < query.indices().length; q++) {
                Postings postings = c.inverted.get(query.indices()[q]);
                if (postings == null) {
                    continue;
                }
                float w = query.values()[q];
                for (int j = 0; j < postings.size; j++) {
                    int slot = postings.slots[j];
                    acc[slot] += w * postings.values[j];
                    if (!touched[slot]) {
                        touched[slot] = true;
                        if (nTouched == touchedList.length) {
                            touchedList = Arrays.copyOf(touchedList, Math.min(c.size, nTouched * 2));
                        }
                        touchedList[nTouched++] = slot;
                    }
                }
            }
            boolean[] allowed = c.matching(filter);
            TopK top = new TopK(k);
            for (int t = 0; t < nTouched; t++) {
                int slot = touchedList[t];
                if (allowed == null || allowed[slot]) {
                    top.offer(slot, acc[slot], c.ids[slot]);
                }
            }
            return top.result(c);
        } finally {
            c.lock.readLock().unlock();
        }
    }

    @Override
    public long delete(String collection, Map<String, String> filter) {
        Collection c = get(collection);
        if (c == null) {
            return 0;
        }
        c.lock.writeLock().lock();
        try {
            boolean[] allowed = c.matching(filter);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < c.size; i++) {
                if (allowed == null || allowed[i]) {
                    ids.add(c.ids[i]);
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            c.writeSegment(DELETE, out -> {
                out.writeInt(ids.size());
                for (long id : ids) {
                    out.writeLong(id);
                }
            });
            c.remove(ids);
            maybeFold(c);
            return ids.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot persist a delete in " + collection, e);
        } finally {
            c.lock.writeLock().unlock();
        }
    }

    @Override
    public void dropCollection(String collection) {
        checkName(collection);
        Collection c = collections.remove(collection);
        Path dir = root.resolve(collection);
        if (c != null) {
            c.lock.writeLock().lock();
        }
        try {
            AtomicFiles.deleteRecursively(dir);
        } finally {
            if (c != null) {
                c.lock.writeLock().unlock();
            }
        }
    }

    @Override
    public long count(String collection) {
        Collection c = get(collection);
        if (c == null) {
            return 0;
        }
        c.lock.readLock().lock();
        try {
            return c.size;
        } finally {
            c.lock.readLock().unlock();
        }
    }

    /** Points of the collection whose payload matches {@code filter} (0 when absent). */
    public long count(String collection, Map<String, String> filter) {
        Collection c = get(collection);
        if (c == null) {
            return 0;
        }
        c.lock.readLock().lock();
        try {
            boolean[] allowed = c.matching(filter);
            if (allowed == null) {
                return c.size;
            }
            long n = 0;
            for (boolean ok : allowed) {
                n += ok ? 1 : 0;
            }
            return n;
        } finally {
            c.lock.readLock().unlock();
        }
    }

    /**
     * Bytes held in memory by the collection's vectors (dense array and postings; payloads not counted); 0 when it is
     * not loaded.
     */
    public long memoryBytes(String collection) {
        Collection c = collections.get(collection); // only what is in memory: do not read it to measure it
        if (c == null) {
            return 0;
        }
        c.lock.readLock().lock();
        try {
            long bytes = (long) c.dense.length * Float.BYTES + (long) c.ids.length * Long.BYTES;
            for (Postings p : c.inverted.values()) {
                bytes += (long) p.slots.length * (Integer.BYTES + Float.BYTES);
            }
            return bytes;
        } finally {
            c.lock.readLock().unlock();
        }
    }

    /** Names of the collections present (on disk, loaded or not). */
    public List<String> collections() {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.exists(d.resolve(META))).map(d -> d.getFileName().toString()).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        collections.clear();
    }

    // Eight independent accumulators let the CPU overlap multiply-adds; one accumulator serialises on its latency.
    static float dot(float[] q, float[] data, int base, int dim) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int j = 0;
        int limit = dim - 7;
        for (; j < limit; j += 8) {
            int b = base + j;
            s0 += q[j] * data[b];
            s1 += q[j + 1] * data[b + 1];
            s2 += q[j + 2] * data[b + 2];
            s3 += q[j + 3] * data[b + 3];
            s4 += q[j + 4] * data[b + 4];
            s5 += q[j + 5] * data[b + 5];
            s6 += q[j + 6] * data[b + 6];
            s7 += q[j + 7] * data[b + 7];
        }
        for (; j < dim; j++) {
            s0 += q[j] * data[base + j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private void maybeFold(Collection c) throws IOException {
        if (c.segmentsSinceSnapshot >= maxSegments) {
            c.writeSnapshot();
        }
    }

    /** The collection, read from disk on first use; null when it does not exist. */
    private Collection get(String collection) {
        Collection c = collections.get(collection);
        if (c != null || collection == null || !NAME.matcher(collection).matches()) {
            return c;
        }
        Path dir = root.resolve(collection);
        if (!Files.exists(dir.resolve(META))) {
            return null;
        }
        return collections.computeIfAbsent(collection, name -> {
            try {
                long start = System.nanoTime();
                Collection loaded = Collection.load(dir);
                LOG.debugf("Loaded collection %s: %d points in %d ms", name, loaded.size,
                        (System.nanoTime() - start) / 1_000_000);
                return loaded;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read collection " + name, e);
            }
        });
    }

    /**
     * Drops the collection's arrays from memory (its files stay; the next use reads them again) and returns the bytes
     * released (estimate).
     */
    public long release(String collection) {
        Collection c = collections.get(collection);
        if (c == null) {
            return 0;
        }
        long bytes = memoryBytes(collection);
        c.lock.writeLock().lock();
        try {
            collections.remove(collection, c);
        } finally {
            c.lock.writeLock().unlock();
        }
        return bytes;
    }

    private Collection require(String collection) {
        Collection c = get(collection);
        if (c == null) {
            throw ProblemException.notFound("No vector collection " + collection);
        }
        return c;
    }

    private static void checkName(String collection) {
        if (collection == null || !NAME.matcher(collection).matches()) {
            throw new IllegalArgumentException("Invalid collection name: " + collection);
        }
    }

    private static void writePoints(DataOutputStream out, Collection c, List<VectorPoint> points) throws IOException {
        out.writeInt(points.size());
        for (VectorPoint p : points) {
            out.writeLong(p.id());
            boolean hasDense = p.dense() != null;
            boolean hasSparse = p.sparse() != null;
            out.writeByte((hasDense ? 1 : 0) | (hasSparse ? 2 : 0));
            if (hasDense) {
                for (float v : p.dense()) {
                    out.writeFloat(v);
                }
            }
            if (hasSparse) {
                SparseVector s = p.sparse();
                out.writeInt(s.indices().length);
                for (int i = 0; i < s.indices().length; i++) {
                    out.writeInt(s.indices()[i]);
                    out.writeFloat(s.values()[i]);
                }
            }
            Map<String, String> payload = p.payload() == null ? Map.of() : p.payload();
            out.writeInt(payload.size());
            for (Map.Entry<String, String> e : payload.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
        }
    }

    private static List<VectorPoint> readPoints(DataInputStream in, int dim) throws IOException {
        int n = in.readInt();
        List<VectorPoint> points = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long id = in.readLong();
            int flags = in.readByte();
            float[] dense = null;
            if ((flags & 1) != 0) {
                dense = new float[dim];
                for (int j = 0; j < dim; j++) {
                    dense[j] = in.readFloat();
                }
            }
            SparseVector sparse = null;
            if ((flags & 2) != 0) {
                int nnz = in.readInt();
                int[] idx = new int[nnz];
                float[] val = new float[nnz];
                for (int j = 0; j < nnz; j++) {
                    idx[j] = in.readInt();
                    val[j] = in.readFloat();
                }
                sparse = new SparseVector(idx, val);
            }
            int entries = in.readInt();
            Map<String, String> payload = new LinkedHashMap<>();
            for (int j = 0; j < entries; j++) {
                payload.put(readString(in), readString(in));
            }
            points.add(new VectorPoint(id, dense, sparse, payload));
        }
        return points;
    }

    // DataOutputStream.writeUTF stops at 64 KB; document chunks may be longer.
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** Postings of one sparse term: the slots holding it and their weights. */
    private static final class Postings {
        int[] slots = new int[4];
        float[] values = new float[4];
        int size;

        void add(int slot, float value) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            slots[size] = slot;
            values[size++] = value;
        }
    }

    /** A bounded min-heap of (score, slot): the root is the weakest of the best k; ties prefer the smaller id. */
    private static final class TopK {
        private final int k;
        private final int[] slots;
        private final float[] scores;
        private final long[] ids;
        private int size;

        TopK(int k) {
            this.k = k;
            int cap = Math.min(k, 1 << 16);
            slots = new int[cap];
            scores = new float[cap];
            ids = new long[cap];
        }

        void offer(int slot, float score, long id) {
            if (size < k && size < slots.length) {
                slots[size] = slot;
                scores[size] = score;
                ids[size] = id;
                siftUp(size++);
            } else if (size > 0 && better(score, id, scores[0], ids[0])) {
                slots[0] = slot;
                scores[0] = score;
                ids[0] = id;
                siftDown(0);
            }
        }

        private static boolean better(float s, long id, float s2, long id2) {
            return s > s2 || (s == s2 && id < id2);
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!better(scores[parent], ids[parent], scores[i], ids[i])) {
                    break;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int worst = i;
                if (l < size && better(scores[worst], ids[worst], scores[l], ids[l])) {
                    worst = l;
                }
                if (r < size && better(scores[worst], ids[worst], scores[r], ids[r])) {
                    worst = r;
                }
                if (worst == i) {
                    return;
                }
                swap(i, worst);
                i = worst;
            }
        }

        private void swap(int a, int b) {
            int ts = slots[a];
            slots[a] = slots[b];
            slots[b] = ts;
            float tf = scores[a];
            scores[a] = scores[b];
            scores[b] = tf;
            long ti = ids[a];
            ids[a] = ids[b];
            ids[b] = ti;
        }

        List<ScoredPoint> result(Collection c) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> better(scores[a], ids[a], scores[b], ids[b]) ? -1
                    : better(scores[b], ids[b], scores[a], ids[a]) ? 1 : 0);
            List<ScoredPoint> out = new ArrayList<>(size);
            for (int i : order) {
                out.add(new ScoredPoint(ids[i], scores[i], c.payloads[slots[i]]));
            }
            return out;
        }
    }

    /** One collection in memory: parallel arrays indexed by slot, plus the id -> slot map and the inverted index. */
    private static final class Collection {
        final Path dir;
        final int dim;
        final boolean sparse;
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        int size;
        long[] ids = new long[16];
        float[] dense;
        boolean[] hasDense = new boolean[16];
        SparseVector[] sparseVectors = new SparseVector[16];
        @SuppressWarnings("unchecked")
        Map<String, String>[] payloads = new Map[16];
        final Map<Long, Integer> slotOf = new HashMap<>();
        final Map<Integer, Postings> inverted = new HashMap<>();
        long nextSeq = 1;
        int segmentsSinceSnapshot;

        Collection(Path dir, int dim, boolean sparse) {
            this.dir = dir;
            this.dim = dim;
            this.sparse = sparse;
            this.dense = new float[16 * dim];
        }

        static Collection load(Path dir) throws IOException {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(dir.resolve(META))) {
                meta.load(in);
            }
            Collection c = new Collection(dir, Integer.parseInt(meta.getProperty("dimension")),
                    Boolean.parseBoolean(meta.getProperty("sparse")));
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.toList();
            }
            long snapshotSeq = 0;
            List<long[]> segments = new ArrayList<>();
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(f); // an interrupted write; its rename never happened
                } else if (name.startsWith("snap-") && name.endsWith(".bin")) {
                    snapshotSeq = Math.max(snapshotSeq, seqOf(name));
                } else if (name.startsWith("seg-") && name.endsWith(".bin")) {
                    segments.add(new long[] {seqOf(name)});
                }
            }
            if (snapshotSeq > 0) {
                c.replay(dir.resolve(fileName("snap-", snapshotSeq)));
            }
            segments.sort(Comparator.comparingLong(s -> s[0]));
            long last = snapshotSeq;
            for (long[] s : segments) {
                if (s[0] > snapshotSeq) {
                    c.replay(dir.resolve(fileName("seg-", s[0])));
                    c.segmentsSinceSnapshot++;
                }
                last = Math.max(last, s[0]);
            }
            c.nextSeq = last + 1;
            return c;
        }

        private static long seqOf(String name) {
            return Long.parseLong(name.substring(name.indexOf('-') + 1, name.length() - 4));
        }

        private static String fileName(String prefix, long seq) {
            return String.format("%s%012d.bin", prefix, seq);
        }

        private void replay(Path file) throws IOException {
            try (DataInputStream in = new DataInputStream(
                    new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
                if (in.readInt() != MAGIC) {
                    throw new IOException("Not a vector store segment: " + file);
                }
                byte kind = in.readByte();
                if (kind == DELETE) {
                    int n = in.readInt();
                    List<Long> ids = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        ids.add(in.readLong());
                    }
                    remove(ids);
                } else {
                    apply(readPoints(in, dim));
                }
            }
        }

        void writeSegment(byte kind, Writer body) throws IOException {
            long seq = nextSeq++;
            AtomicFiles.write(dir.resolve(fileName("seg-", seq)), raw -> {
                DataOutputStream out = new DataOutputStream(raw);
                out.writeInt(MAGIC);
                out.writeByte(kind);
                body.write(out);
                out.flush();
            });
            segmentsSinceSnapshot++;
        }

        /** Folds everything into one snapshot, then removes the files it replaces (a crash in between is harmless). */
        void writeSnapshot() throws IOException {
            long seq = nextSeq++;
            List<VectorPoint> all = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                all.add(new VectorPoint(ids[i], hasDense[i] ? Arrays.copyOfRange(dense, i * dim, (i + 1) * dim) : null,
                        sparseVectors[i], payloads[i]));
            }
            AtomicFiles.write(dir.resolve(fileName("snap-", seq)), raw -> {
                DataOutputStream out = new DataOutputStream(raw);
                out.writeInt(MAGIC);
                out.writeByte(SNAPSHOT);
                writePoints(out, this, all);
                out.flush();
            });
            try (Stream<Path> list = Files.list(dir)) {
                for (Path f : list.toList()) {
                    String name = f.getFileName().toString();
                    if ((name.startsWith("seg-") || name.startsWith("snap-")) && name.endsWith(".bin")
                            && seqOf(name) < seq) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            segmentsSinceSnapshot = 0;
        }

        void check(VectorPoint p) {
            if (p.id() < 0) {
                throw new IllegalArgumentException("Point ids must be non-negative: " + p.id());
            }
            if (p.dense() != null && p.dense().length != dim) {
                throw new IllegalArgumentException("Point " + p.id() + " has dimension " + p.dense().length
                        + ", the collection " + dim);
            }
            if (p.sparse() != null) {
                if (!sparse) {
                    throw new IllegalArgumentException("The collection has no sparse vectors");
                }
                int[] idx = p.sparse().indices();
                if (idx.length != p.sparse().values().length) {
                    throw new IllegalArgumentException("Sparse indices and values differ in length");
                }
                for (int i = 1; i < idx.length; i++) {
                    if (idx[i] <= idx[i - 1]) {
                        throw new IllegalArgumentException("Sparse indices must be strictly increasing");
                    }
                }
            }
        }

        void apply(List<VectorPoint> points) {
            boolean replacedSparse = false;
            List<Integer> fresh = new ArrayList<>();
            for (VectorPoint p : points) {
                Integer existing = slotOf.get(p.id());
                int slot;
                if (existing != null) {
                    slot = existing;
                    replacedSparse |= sparseVectors[slot] != null;
                } else {
                    slot = size++;
                    grow(size);
                    slotOf.put(p.id(), slot);
                    fresh.add(slot);
                }
                ids[slot] = p.id();
                hasDense[slot] = p.dense() != null;
                if (p.dense() != null) {
                    System.arraycopy(p.dense(), 0, dense, slot * dim, dim);
                } else if (dim > 0) {
                    Arrays.fill(dense, slot * dim, (slot + 1) * dim, 0f);
                }
                sparseVectors[slot] = p.sparse();
                payloads[slot] = copyPayload(p.payload());
                if (existing != null && p.sparse() != null) {
                    replacedSparse = true;
                }
            }
            if (replacedSparse) {
                rebuildInverted(); // old postings of replaced points must go
            } else {
                for (int slot : fresh) {
                    index(slot);
                }
            }
        }

        void remove(List<Long> removed) {
            java.util.Set<Long> gone = new java.util.HashSet<>(removed);
            int w = 0;
            for (int r = 0; r < size; r++) {
                if (gone.contains(ids[r])) {
                    continue;
                }
                if (w != r) {
                    ids[w] = ids[r];
                    hasDense[w] = hasDense[r];
                    if (dim > 0) {
                        System.arraycopy(dense, r * dim, dense, w * dim, dim);
                    }
                    sparseVectors[w] = sparseVectors[r];
                    payloads[w] = payloads[r];
                }
                w++;
            }
            for (int i = w; i < size; i++) {
                sparseVectors[i] = null;
                payloads[i] = null;
            }
            size = w;
            slotOf.clear();
            for (int i = 0; i < size; i++) {
                slotOf.put(ids[i], i);
            }
            rebuildInverted();
        }

        private static Map<String, String> copyPayload(Map<String, String> payload) {
            Map<String, String> copy = new LinkedHashMap<>();
            if (payload != null) {
                payload.forEach((key, value) -> {
                    if (key != null && value != null) {
                        copy.put(key, value);
                    }
                });
            }
            return java.util.Collections.unmodifiableMap(copy);
        }

        private void rebuildInverted() {
            inverted.clear();
            for (int i = 0; i < size; i++) {
                index(i);
            }
        }

        private void index(int slot) {
            SparseVector s = sparseVectors[slot];
            if (s == null) {
                return;
            }
            for (int j = 0; j < s.indices().length; j++) {
                inverted.computeIfAbsent(s.indices()[j], t -> new Postings()).add(slot, s.values()[j]);
            }
        }

        private void grow(int needed) {
            if (needed <= ids.length) {
                return;
            }
            int cap = Math.max(needed, ids.length + (ids.length >> 1));
            ids = Arrays.copyOf(ids, cap);
            hasDense = Arrays.copyOf(hasDense, cap);
            sparseVectors = Arrays.copyOf(sparseVectors, cap);
            payloads = Arrays.copyOf(payloads, cap);
            dense = Arrays.copyOf(dense, cap * dim);
        }

        /** Slots whose payload matches every filter entry; null means all (no filter). */
        boolean[] matching(Map<String, String> filter) {
            if (filter == null || filter.isEmpty()) {
                return null;
            }
            boolean[] ok = new boolean[size];
            for (int i = 0; i < size; i++) {
                boolean match = true;
                for (Map.Entry<String, String> e : filter.entrySet()) {
                    if (!e.getValue().equals(payloads[i].get(e.getKey()))) {
                        match = false;
                        break;
                    }
                }
                ok[i] = match;
            }
            return ok;
        }
    }
}
