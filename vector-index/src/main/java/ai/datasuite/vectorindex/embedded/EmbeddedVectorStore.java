package ai.datasuite.vectorindex.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ai.datasuite.vectorindex.AtomicFiles;
import ai.datasuite.vectorindex.CollectionConflictException;
import ai.datasuite.vectorindex.CollectionFullException;
import ai.datasuite.vectorindex.CollectionNotFoundException;
import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;
import ai.datasuite.vectorindex.VectorStore;

/**
 * The in-process vector store: exact search over one contiguous {@code float[]} (n x dim) per collection and an
 * inverted index (term -> postings) for sparse vectors ({@link TopKSearch}). Each collection lives in
 * {@code <root>/<collection>/} as a log of segment files folded into a snapshot past {@code maxSegments}
 * ({@link SegmentLog}: crash-safe, every file written whole). Collections on disk are read on first use.
 * Thread-safe: searches share a collection's read lock, writes take its write lock.
 */
public class EmbeddedVectorStore implements VectorStore, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedVectorStore.class.getName());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private final Path root;
    private final int maxSegments;
    private final long maxPoints;
    private final Map<String, InMemoryCollection> collections = new ConcurrentHashMap<>();

    /**
     * Opens the store under {@code root}; {@code maxSegments} log files are kept before folding; a collection holds
     * at most {@code maxPoints} points (0 or less: as many as its arrays can, {@link #maxPoints(int)}). Collections on
     * disk are read on first use (and again after {@link #release}), so models that are not loaded hold no memory.
     */
    public EmbeddedVectorStore(Path root, int maxSegments, long maxPoints) {
        this.root = root;
        this.maxSegments = Math.max(1, maxSegments);
        this.maxPoints = maxPoints;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the vector store at " + root, e);
        }
    }

    public EmbeddedVectorStore(Path root, int maxSegments) {
        this(root, maxSegments, 0);
    }

    public EmbeddedVectorStore(Path root) {
        this(root, 32);
    }

    /**
     * The most points a collection of dimension {@code dim} may hold here: the configured limit, or less where one
     * array of {@code points x dim} floats would pass the largest Java array (5,592,405 points at 384 dimensions).
     */
    public long maxPoints(int dim) {
        return Capacity.maxPoints(dim, maxPoints);
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
                    throw new CollectionConflictException(name, existing.dim, existing.sparse);
                }
                return existing;
            }
            try {
                return SegmentLog.create(root.resolve(name), denseDimension, sparse);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void upsert(String collection, List<VectorPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        InMemoryCollection c = require(collection);
        for (VectorPoint p : points) {
            c.check(p);
        }
        c.lock.writeLock().lock();
        try {
            long after = c.size + c.newIds(points);
            long limit = maxPoints(c.dim);
            if (after > limit) {
                throw new CollectionFullException(collection, limit, after, c.dim); // before anything is written
            }
            c.log.appendUpsert(points);
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
        InMemoryCollection c = get(collection);
        if (c == null || k <= 0) {
            return List.of();
        }
        requireDimension(c, query);
        return read(c, () -> TopKSearch.dense(c, query, k, filter));
    }

    /** One exact scan that keeps each group's best point: no over-fetch of {@code groups x maxPerGroup} points. */
    @Override
    public List<ScoredPoint> searchDenseGroups(String collection, float[] query, String groupKey, int groups,
                                               int maxPerGroup, Map<String, String> filter) {
        InMemoryCollection c = get(collection);
        if (c == null || groups <= 0) {
            return List.of();
        }
        requireDimension(c, query);
        return read(c, () -> TopKSearch.denseGroups(c, query, groupKey, groups, filter));
    }

    private static void requireDimension(InMemoryCollection c, float[] query) {
        if (c.dim == 0 || query.length != c.dim) {
            throw new IllegalArgumentException("Query dimension " + query.length + " does not match " + c.dim);
        }
    }

    @Override
    public List<ScoredPoint> searchSparse(String collection, SparseVector query, int k, Map<String, String> filter) {
        InMemoryCollection c = get(collection);
        if (c == null || k <= 0) {
            return List.of();
        }
        if (!c.sparse) {
            throw new IllegalArgumentException("Collection " + collection + " has no sparse vectors");
        }
        return read(c, () -> TopKSearch.sparse(c, query, k, filter));
    }

    @Override
    public List<VectorPoint> points(String collection, Map<String, String> filter) {
        InMemoryCollection c = get(collection);
        if (c == null) {
            return List.of();
        }
        return read(c, () -> {
            boolean[] allowed = c.matching(filter);
            if (allowed == null) {
                return c.points();
            }
            List<VectorPoint> out = new ArrayList<>();
            for (int i = 0; i < c.size; i++) {
                if (allowed[i]) { // copy only the matching points' vectors (one item's neighbours: one vector)
                    out.add(c.point(i));
                }
            }
            return out;
        });
    }

    @Override
    public long delete(String collection, Map<String, String> filter) {
        InMemoryCollection c = get(collection);
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
            c.log.appendDelete(ids);
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
        InMemoryCollection c = collections.remove(collection);
        Path dir = root.resolve(collection);
        if (c != null) {
            c.lock.writeLock().lock();
        }
        try {
            AtomicFiles.deleteRecursively(dir);
            AtomicFiles.forceDirectory(root); // the drop survives a crash: no half-deleted collection comes back
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot drop collection " + collection, e);
        } finally {
            if (c != null) {
                c.lock.writeLock().unlock();
            }
        }
    }

    @Override
    public long count(String collection) {
        return count(collection, Map.of());
    }

    @Override
    public long count(String collection, Map<String, String> filter) {
        InMemoryCollection c = get(collection);
        if (c == null) {
            return 0;
        }
        return read(c, () -> {
            boolean[] allowed = c.matching(filter);
            if (allowed == null) {
                return (long) c.size;
            }
            long n = 0;
            for (boolean ok : allowed) {
                n += ok ? 1 : 0;
            }
            return n;
        });
    }

    /**
     * Bytes held in memory by the collection's vectors (dense array, its one-byte codes and postings; payloads not
     * counted); 0 when it is not loaded.
     */
    public long memoryBytes(String collection) {
        InMemoryCollection c = collections.get(collection); // only what is in memory: do not read it to measure it
        if (c == null) {
            return 0;
        }
        return read(c, c::memoryBytes);
    }

    /**
     * Drops the collection's arrays from memory (its files stay; the next use reads them again) and returns the bytes
     * released (estimate).
     */
    public long release(String collection) {
        InMemoryCollection c = collections.get(collection);
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

    /** Names of the collections present (on disk, loaded or not). */
    @Override
    public List<String> collections() {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(SegmentLog::exists).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        collections.clear();
    }

    /** Runs {@code body} under the collection's read lock (searches and counts share it). */
    private static <T> T read(InMemoryCollection c, Supplier<T> body) {
        c.lock.readLock().lock();
        try {
            return body.get();
        } finally {
            c.lock.readLock().unlock();
        }
    }

    private void maybeFold(InMemoryCollection c) throws IOException {
        if (c.log.segmentsSinceSnapshot() >= maxSegments) {
            c.log.writeSnapshot(c.points());
        }
    }

    /** The collection, read from disk on first use; null when it does not exist. */
    private InMemoryCollection get(String collection) {
        InMemoryCollection c = collections.get(collection);
        if (c != null || collection == null || !NAME.matcher(collection).matches()) {
            return c;
        }
        Path dir = root.resolve(collection);
        if (!SegmentLog.exists(dir)) {
            return null;
        }
        return collections.computeIfAbsent(collection, name -> {
            try {
                long start = System.nanoTime();
                InMemoryCollection loaded = SegmentLog.load(dir);
                LOG.log(Level.DEBUG, () -> String.format("Loaded collection %s: %d points in %d ms", name,
                        loaded.size, (System.nanoTime() - start) / 1_000_000));
                return loaded;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read collection " + name, e);
            }
        });
    }

    /** The collection in memory, read on first use; null when absent (the tests look inside). */
    InMemoryCollection loadedCollection(String collection) {
        return get(collection);
    }

    private InMemoryCollection require(String collection) {
        InMemoryCollection c = get(collection);
        if (c == null) {
            throw new CollectionNotFoundException(collection);
        }
        return c;
    }

    private static void checkName(String collection) {
        if (collection == null || !NAME.matcher(collection).matches()) {
            throw new IllegalArgumentException("Invalid collection name: " + collection);
        }
    }
}
