package ai.datasuite.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * 16 KiB uploads at concurrency 16: ingest-service uploads/s against direct S3 PUTs/s to the same endpoint with the
 * same SDK, in one run, with p50/p99 latency of each. Goal: ratio >= 0.5.
 */
public final class SmallUploadBenchmark {

    private static final int SIZE = 16 * 1024;

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        S3Client s3 = Suite.s3();
        String user = "bench-" + UUID.randomUUID();
        List<String> keys = Collections.synchronizedList(new ArrayList<>());
        List<String> ids = Collections.synchronizedList(new ArrayList<>());

        // Warm both paths up (JIT, connections) before measuring.
        run(200, concurrency, i -> put(s3, keys));
        run(200, concurrency, i -> ids.add(upload(user)));

        Result direct = run(requests, concurrency, i -> put(s3, keys));
        Result ingest = run(requests, concurrency, i -> ids.add(upload(user)));

        System.out.printf("small uploads (%d x 16 KiB, concurrency %d)%n", requests, concurrency);
        System.out.printf("  direct S3 PUT   %8.0f /s   p50 %6.2f ms   p99 %6.2f ms%n", direct.perSecond(),
                direct.p50(), direct.p99());
        System.out.printf("  ingest-service  %8.0f /s   p50 %6.2f ms   p99 %6.2f ms%n", ingest.perSecond(),
                ingest.p50(), ingest.p99());
        System.out.printf("  ratio ingest/direct  %.2f   (goal >= 0.50)%n", ingest.perSecond() / direct.perSecond());
        System.out.printf("ratio ingest-small uploads-per-s %.2f (goal >= 0.5)%n", ingest.perSecond() / direct.perSecond());

        for (String key : keys) {
            s3.deleteObject(b -> b.bucket(Suite.BUCKET).key(key));
        }
        Multipart.delete(ids);
    }

    record Result(double perSecond, double p50, double p99) {
    }

    private static Result run(int requests, int concurrency, IntConsumer call) throws Exception {
        long[] latencies = new long[requests];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        double seconds;
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    call.accept(index);
                    latencies[index] = System.nanoTime() - t;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            seconds = (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
        }
        long[] sorted = Suite.sorted(latencies);
        return new Result(requests / seconds, Suite.percentile(sorted, 50), Suite.percentile(sorted, 99));
    }

    private static final String[] WORDS = {"data", "suite", "upload", "bytes", "quarkus", "bucket", "object",
        "text", "hash", "stream", "record", "service"};

    /** 16 KiB of prose-like text, different every time so that ingest never answers from its dedup path. */
    private static byte[] payload() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder text = new StringBuilder(SIZE + 16);
        while (text.length() < SIZE) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(10) == 0 ? ".\n" : " ");
        }
        text.setLength(SIZE);
        return text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A direct PUT the way ingest-service stores its objects: the SDK's PUT of a file on disk. */
    private static void put(S3Client s3, List<String> keys) {
        String key = "bench/small-" + UUID.randomUUID();
        try {
            Path file = Files.createTempFile("bench-small", ".txt");
            try {
                Files.write(file, payload());
                s3.putObject(b -> b.bucket(Suite.BUCKET).key(key).contentType("text/plain"), RequestBody.fromFile(file));
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys.add(key);
    }

    private static String upload(String user) {
        return Multipart.upload(user, "small.txt", HttpRequest.BodyPublishers.ofByteArray(payload()), SIZE)
                .path("id").asText();
    }
}
