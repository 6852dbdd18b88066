package ai.datasuite.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A 1 GiB file through ingest-service (multipart POST: to disk, hash, detect, extract, multipart upload to S3) against
 * a direct PUT of the same file to the same S3 endpoint with the same SDK, alternating, in one run.
 * Prints the throughput ratio (goal >= 0.6) and ingest's extra peak RSS during its uploads (goal <= 64 MiB).
 */
public final class LargeUploadBenchmark {

    public static void main(String[] args) throws Exception {
        long size = args.length > 0 ? Long.parseLong(args[0]) : 1L << 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path file = textFile(size);
        S3Client s3 = Suite.s3();
        List<String> ingested = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        List<Double> ingest = new ArrayList<>();
        long extraRss = 0;
        try {
            for (int round = 1; round <= rounds; round++) {
                String key = "bench/direct-" + UUID.randomUUID();
                long start = System.nanoTime();
                s3.putObject(b -> b.bucket(Suite.BUCKET).key(key).contentType("text/plain"), RequestBody.fromFile(file));
                double directSeconds = (System.nanoTime() - start) / 1e9;
                s3.deleteObject(b -> b.bucket(Suite.BUCKET).key(key));
                direct.add(size / directSeconds / (1 << 20));

                System.gc();
                long baseline = Suite.ingestRss();
                AtomicLong peak = new AtomicLong(baseline);
                AtomicBoolean running = new AtomicBoolean(true);
                Thread sampler = new Thread(() -> {
                    while (running.get()) {
                        peak.accumulateAndGet(Suite.ingestRss(), Math::max);
                        sleep(20);
                    }
                });
                sampler.setDaemon(true);
                sampler.start();
                start = System.nanoTime();
                String id = Multipart.upload("bench-" + UUID.randomUUID(), "large.txt", Multipart.ofFile(file), size)
                        .path("id").asText();
                double ingestSeconds = (System.nanoTime() - start) / 1e9;
                running.set(false);
                sampler.join();
                ingested.add(id);
                ingest.add(size / ingestSeconds / (1 << 20));
                extraRss = Math.max(extraRss, peak.get() - baseline);
                System.out.printf("round %d: direct PUT %.1f MiB/s, ingest %.1f MiB/s, ingest extra RSS %.1f MiB%n",
                        round, direct.get(direct.size() - 1), ingest.get(ingest.size() - 1),
                        (peak.get() - baseline) / 1048576.0);
                Multipart.delete(List.of(id));
                ingested.clear();
            }
        } finally {
            Multipart.delete(ingested);
        }
        double directMedian = median(direct);
        double ingestMedian = median(ingest);
        System.out.printf("%nlarge upload (%d MiB, %d rounds, medians)%n", size >> 20, rounds);
        System.out.printf("  direct S3 PUT        %8.1f MiB/s%n", directMedian);
        System.out.printf("  ingest-service       %8.1f MiB/s%n", ingestMedian);
        System.out.printf("  ratio ingest/direct  %8.2f   (goal >= 0.60)%n", ingestMedian / directMedian);
        System.out.printf("  ingest extra RSS     %8.1f MiB (peak over the pre-upload RSS; goal <= 64 MiB)%n",
                extraRss / 1048576.0);
        System.out.printf("ratio ingest-large throughput %.2f (goal >= 0.6)%n", ingestMedian / directMedian);
        System.out.printf("ratio ingest-large extra-rss-mib %.1f (goal <= 64)%n", extraRss / 1048576.0);
    }

    /** Text (so that ingest accepts and extracts it), generated once and kept for later runs. */
    static Path textFile(long size) throws IOException {
        Path file = Suite.DATA.resolve("bench/large-" + size + ".txt");
        if (Files.exists(file) && Files.size(file) == size) {
            return file;
        }
        Files.createDirectories(file.getParent());
        String[] words = {"data", "suite", "stream", "upload", "bytes", "quarkus", "bucket", "object", "text", "hash"};
        Random random = new Random(42);
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            StringBuilder line = new StringBuilder();
            while (written < size) {
                line.setLength(0);
                while (line.length() < 100) {
                    line.append(words[random.nextInt(words.length)]).append(' ');
                }
                line.append('\n');
                int n = (int) Math.min(line.length(), size - written);
                out.append(line, 0, n);
                written += n;
            }
        }
        return file;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
