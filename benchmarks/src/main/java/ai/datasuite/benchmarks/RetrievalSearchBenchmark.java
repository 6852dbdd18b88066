package ai.datasuite.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

/**
 * The embedded exact dense search retrieval-service runs (vector-index), in process:
 * {@code EmbeddedVectorStore.searchDense} top-10 over 100,000 x 384 random unit vectors (fixed seed), one query at a
 * time on one thread, against the memory-bandwidth floor measured in the same run: the best single-thread pass over
 * the same 100,000 x 384 floats in one contiguous array, by two streaming loops with no multiplications: a sum with
 * sixteen accumulators, and the JDK's vectorised array compare ({@code Arrays.mismatch} of the array with itself).
 * Each loop is also timed on 64 KiB that stay in cache: a loop that runs much faster there is limited by memory, not
 * by the core. Floor passes and query batches alternate so that drift of the shared machine hits both alike. Goal:
 * search p50 <= 1.5 x the floor.
 */
public final class RetrievalSearchBenchmark {

    private static final int N = 100_000;
    private static final int DIM = 384;
    private static final int K = 10;
    private static volatile float sink;

    public static void main(String[] args) throws Exception {
        int queries = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        float[] data = Retrieval.unitVectors(N, DIM, 42);
        float[] queryData = Retrieval.unitVectors(queries, DIM, 7);
        Path dir = Files.createTempDirectory("retrieval-search-bench");
        try (EmbeddedVectorStore store = new EmbeddedVectorStore(dir)) {
            long t = System.nanoTime();
            Retrieval.fill(store, "bench", data, DIM);
            double fillSeconds = (System.nanoTime() - t) / 1e9;
            checkExact(store, data, Arrays.copyOf(queryData, DIM));

            // Warm the loops (JIT) before measuring.
            for (int i = 0; i < 3; i++) {
                sumPass(data);
                comparePass(data);
            }
            for (int i = 0; i < 30; i++) {
                search(store, queryData, i % queries);
            }
            long[] sums = new long[rounds * 3];
            long[] compares = new long[rounds * 3];
            long[] search = new long[queries];
            int done = 0;
            for (int r = 0; r < rounds; r++) {
                for (int f = 0; f < 3; f++) {
                    sums[r * 3 + f] = sumPass(data);
                    compares[r * 3 + f] = comparePass(data);
                }
                int until = (int) ((long) queries * (r + 1) / rounds);
                for (; done < until; done++) {
                    search[done] = search(store, queryData, done);
                }
            }
            double bytes = (double) N * DIM * Float.BYTES;
            double sumBest = Arrays.stream(sums).min().orElseThrow() / 1e6;
            double compareBest = Arrays.stream(compares).min().orElseThrow() / 1e6;
            double floorBest = Math.min(sumBest, compareBest);
            double searchP50 = Retrieval.p(search, 50);
            System.out.printf("retrieval-search: EmbeddedVectorStore.searchDense, %d x %d floats (%.1f MiB), top-%d,"
                            + " %d queries in %d rounds, one thread (store filled in %.1f s)%n", N, DIM,
                    bytes / (1 << 20), K, queries, rounds, fillSeconds);
            System.out.printf("  floor loops, best pass    sum %.2f ms = %.1f GB/s (in cache %.1f GB/s);"
                            + " compare %.2f ms = %.1f GB/s (in cache %.1f GB/s)%n",
                    sumBest, gbPerSecond(bytes, sumBest), inCacheGbPerSecond(data, false),
                    compareBest, gbPerSecond(bytes, compareBest), inCacheGbPerSecond(data, true));
            System.out.printf("  memory floor (best pass)       %7.2f ms  = %.1f GB/s%n", floorBest,
                    gbPerSecond(bytes, floorBest));
            System.out.printf("  exact search, per query   p50  %7.2f ms  = %.1f GB/s   best %.2f ms  p99 %.2f ms"
                            + "  mean %.2f ms%n", searchP50, gbPerSecond(bytes, searchP50),
                    Arrays.stream(search).min().orElseThrow() / 1e6, Retrieval.p(search, 99),
                    Arrays.stream(search).average().orElseThrow() / 1e6);
            System.out.printf("  ratio search p50 / floor  %.2f   (goal <= 1.5)%n", searchP50 / floorBest);
            store.dropCollection("bench");
        } finally {
            Retrieval.deleteTree(dir);
        }
        if (sink == 42.4242f) {
            System.out.println(); // keeps the sums alive
        }
    }

    private static long search(EmbeddedVectorStore store, float[] queryData, int q) {
        float[] query = Arrays.copyOfRange(queryData, q * DIM, (q + 1) * DIM);
        long t = System.nanoTime();
        List<ScoredPoint> hits = store.searchDense("bench", query, K, Map.of());
        long elapsed = System.nanoTime() - t;
        if (hits.size() != K) {
            throw new IllegalStateException("searchDense returned " + hits.size() + " hits");
        }
        return elapsed;
    }

    private static double gbPerSecond(double bytes, double millis) {
        return bytes / (millis / 1e3) / 1e9;
    }

    /** Nanoseconds of one summing pass over all of {@code data}. */
    private static long sumPass(float[] data) {
        long t = System.nanoTime();
        sink += sum(data, 0, data.length);
        return System.nanoTime() - t;
    }

    /** Nanoseconds of one vectorised compare of {@code data} with itself (reads each cache line once from memory). */
    private static long comparePass(float[] data) {
        long t = System.nanoTime();
        sink += Arrays.mismatch(data, 0, data.length, data, 0, data.length);
        return System.nanoTime() - t;
    }

    /** Sixteen independent accumulators: one would serialise on the latency of the add and measure the core. */
    static float sum(float[] a, int from, int to) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        float s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0;
        int i = from;
        for (; i + 15 < to; i += 16) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
            s8 += a[i + 8];
            s9 += a[i + 9];
            s10 += a[i + 10];
            s11 += a[i + 11];
            s12 += a[i + 12];
            s13 += a[i + 13];
            s14 += a[i + 14];
            s15 += a[i + 15];
        }
        for (; i < to; i++) {
            s0 += a[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)) + ((s8 + s9) + (s10 + s11))
                + ((s12 + s13) + (s14 + s15));
    }

    /** A floor loop over 64 KiB that stay in the core's cache, as GB/s (best of a few). */
    private static double inCacheGbPerSecond(float[] data, boolean compare) {
        int len = 16 * 1024;
        int passes = data.length / len;
        long best = Long.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            long t = System.nanoTime();
            for (int p = 0; p < passes; p++) {
                sink += compare ? Arrays.mismatch(data, 0, len, data, 0, len) : sum(data, 0, len);
            }
            best = Math.min(best, System.nanoTime() - t);
        }
        return (double) passes * len * Float.BYTES / best;
    }

    /** The store's top-k equals a brute-force top-k over the same vectors (so the timing is of a correct search). */
    private static void checkExact(EmbeddedVectorStore store, float[] data, float[] query) {
        double[] scores = new double[N];
        for (int i = 0; i < N; i++) {
            double s = 0;
            for (int j = 0; j < DIM; j++) {
                s += query[j] * data[i * DIM + j];
            }
            scores[i] = s;
        }
        long[] expected = IntStream.range(0, N).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i])).limit(K)
                .mapToLong(Integer::longValue).toArray();
        long[] actual = store.searchDense("bench", query, K, Map.of()).stream().mapToLong(ScoredPoint::id).toArray();
        if (!Arrays.equals(expected, actual)) {
            throw new IllegalStateException("searchDense top-" + K + " " + Arrays.toString(actual)
                    + " differs from brute force " + Arrays.toString(expected));
        }
    }
}
