package ai.datasuite.vectorindex.embedded;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import ai.datasuite.vectorindex.AtomicFiles;
import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;

/**
 * One collection's files and their format. {@code collection.properties} holds the dimension and whether the
 * collection has sparse vectors; then a log of segments {@code seg-<seq>.bin} (the points of one upsert, or the ids of
 * one delete) and at most one live snapshot {@code snap-<seq>.bin} (every point at that sequence number). Each file
 * is written whole through {@link AtomicFiles} (temporary file, forced, renamed), so a crash never leaves half a
 * segment; a leftover {@code .tmp} is deleted on load. Loading replays the newest snapshot, then the later segments in
 * sequence order.
 * <p>
 * A file: int magic {@code RVS1}, byte kind (0 upsert, 1 delete, 2 snapshot), then for a delete an int count and
 * that many long ids, else an int count of points, each: long id, byte flags (1 dense, 2 sparse), the dense floats,
 * the sparse entries (int count, then int index and float value each), the payload (int count, then key and value
 * each as an int byte length and UTF-8 bytes). Big-endian, as {@link DataOutputStream} writes.
 */
final class SegmentLog {

    static final String META = "collection.properties";
    private static final int MAGIC = 0x52565331; // "RVS1"
    private static final byte UPSERT = 0;
    private static final byte DELETE = 1;
    private static final byte SNAPSHOT = 2;

    private final Path dir;
    private long nextSeq = 1;
    private int segmentsSinceSnapshot;

    private SegmentLog(Path dir) {
        this.dir = dir;
    }

    /** True when {@code dir} holds a collection. */
    static boolean exists(Path dir) {
        return Files.exists(dir.resolve(META));
    }

    /** Makes {@code dir} a new, empty collection and returns it. */
    static InMemoryCollection create(Path dir, int dim, boolean sparse) throws IOException {
        Files.createDirectories(dir);
        Properties meta = new Properties();
        meta.setProperty("dimension", Integer.toString(dim));
        meta.setProperty("sparse", Boolean.toString(sparse));
        AtomicFiles.write(dir.resolve(META), out -> meta.store(out, "embedded vector store collection"));
        AtomicFiles.forceDirectory(dir.toAbsolutePath().getParent()); // the collection's own name, in the root
        return new InMemoryCollection(new SegmentLog(dir), dim, sparse);
    }

    /** Reads the collection in {@code dir}: its snapshot, then the segments written after it. */
    static InMemoryCollection load(Path dir) throws IOException {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(META))) {
            meta.load(in);
        }
        SegmentLog log = new SegmentLog(dir);
        InMemoryCollection c = new InMemoryCollection(log, Integer.parseInt(meta.getProperty("dimension")),
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
            replay(dir.resolve(fileName("snap-", snapshotSeq)), c);
        }
        segments.sort(Comparator.comparingLong(s -> s[0]));
        long last = snapshotSeq;
        for (long[] s : segments) {
            if (s[0] > snapshotSeq) {
                replay(dir.resolve(fileName("seg-", s[0])), c);
                log.segmentsSinceSnapshot++;
            }
            last = Math.max(last, s[0]);
        }
        log.nextSeq = last + 1;
        return c;
    }

    /** Segments written since the last snapshot (the store folds the log when there are too many). */
    int segmentsSinceSnapshot() {
        return segmentsSinceSnapshot;
    }

    /** Appends a segment holding {@code points} (already checked against the collection). */
    void appendUpsert(List<VectorPoint> points) throws IOException {
        writeSegment(UPSERT, out -> writePoints(out, points));
    }

    /** Appends a segment holding the deleted ids. */
    void appendDelete(List<Long> ids) throws IOException {
        writeSegment(DELETE, out -> {
            out.writeInt(ids.size());
            for (long id : ids) {
                out.writeLong(id);
            }
        });
    }

    /**
     * Folds {@code all} into one snapshot, then removes the files it replaces (a crash in between is harmless). The
     * snapshot's name is forced to disk with its directory before any older file goes: otherwise a power cut could
     * keep the deletes and lose the rename, leaving neither the snapshot nor the segments it replaced.
     */
    void writeSnapshot(List<VectorPoint> all) throws IOException {
        long seq = nextSeq++;
        AtomicFiles.write(dir.resolve(fileName("snap-", seq)), raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeInt(MAGIC);
            out.writeByte(SNAPSHOT);
            writePoints(out, all);
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
        AtomicFiles.forceDirectory(dir);
        segmentsSinceSnapshot = 0;
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private void writeSegment(byte kind, Body body) throws IOException {
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

    private static void replay(Path file, InMemoryCollection c) throws IOException {
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
                c.remove(ids);
            } else {
                c.apply(readPoints(in, c.dim));
            }
        }
    }

    private static long seqOf(String name) {
        return Long.parseLong(name.substring(name.indexOf('-') + 1, name.length() - 4));
    }

    private static String fileName(String prefix, long seq) {
        return String.format("%s%012d.bin", prefix, seq);
    }

    private static void writePoints(DataOutputStream out, List<VectorPoint> points) throws IOException {
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
}
