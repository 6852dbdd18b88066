package ai.datasuite.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        int maxWarmUpRounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        S3Client s3 = Suite.s3();
        String user = "bench-" + UUID.randomUUID();
        List<String> keys = Collections.synchronizedList(new ArrayList<>());
        List<String> ids = Collections.synchronizedList(new ArrayList<>());

        System.out.printf("small uploads (%d x 16 KiB, concurrency %d)%n", requests, concurrency);
        // Warm both paths up (JIT, connections) until the compilers are quiet: with 200 uploads, as before, ingest ran
        // on unoptimised code and its compilers took a third of its CPU (ratio 0.28, against 0.44-0.49 warm).
        JitWatch jit = JitWatch.of("ingest-service", "metadata-service", "s3proxy");
        jit.warmUp(() -> {
            List<String> warmKeys = Collections.synchronizedList(new ArrayList<>());
            List<String> warmIds = Collections.synchronizedList(new ArrayList<>());
            run(500, concurrency, i -> put(s3, warmKeys));
            run(500, concurrency, i -> warmIds.add(upload(user)));
            // Removed as the round ends, at the same concurrency, so that no backlog of deletes runs afterwards.
            run(500, concurrency, i -> s3.deleteObject(b -> b.bucket(Suite.BUCKET).key(warmKeys.get(i))));
            run(500, concurrency, i -> Multipart.delete(List.of(warmIds.get(i))));
        }, maxWarmUpRounds);

        Map<String, Long> before = cpuMillis();
        Result direct = run(requests, concurrency, i -> put(s3, keys));
        Map<String, Long> between = cpuMillis();
        Result ingest = run(requests, concurrency, i -> ids.add(upload(user)));
        Map<String, Long> after = cpuMillis();
        String compilers = jit.report();

        System.out.printf("  direct S3 PUT   %8.0f /s   p50 %6.2f ms   p99 %6.2f ms%n", direct.perSecond(),
                direct.p50(), direct.p99());
        System.out.printf("  ingest-service  %8.0f /s   p50 %6.2f ms   p99 %6.2f ms%n", ingest.perSecond(),
                ingest.p50(), ingest.p99());
        System.out.printf("  %s%n", compilers);
        // Two cores serve both paths, so the CPU each process spends per upload decides the ratio.
        System.out.printf("  CPU per upload (ms)  %s%n", String.join("  ", PROCESSES));
        System.out.printf("    direct S3 PUT      %s%n", perUpload(before, between, requests));
        System.out.printf("    ingest-service     %s%n", perUpload(between, after, requests));
        System.out.printf("  ratio ingest/direct  %.2f   (goal >= 0.50)%n", ingest.perSecond() / direct.perSecond());
        System.out.printf("ratio ingest-small uploads-per-s %.2f (goal >= 0.5)%n", ingest.perSecond() / direct.perSecond());

        for (String key : keys) {
            s3.deleteObject(b -> b.bucket(Suite.BUCKET).key(key));
        }
        Multipart.delete(ids);
    }

    record Result(double perSecond, double p50, double p99) {
    }

    private static final List<String> PROCESSES = List.of("ingest-service", "metadata-service", "s3proxy",
            "benchmark");

    /** CPU time of each process on the path (the benchmark is this JVM: the client and the direct PUTs). */
    private static Map<String, Long> cpuMillis() {
        Map<String, Long> millis = new LinkedHashMap<>();
        for (String name : PROCESSES) {
            long pid = name.equals("benchmark") ? ProcessHandle.current().pid() : Suite.pid(name);
            millis.put(name, SuiteControl.cpuMillis(pid));
        }
        return millis;
    }

    private static String perUpload(Map<String, Long> from, Map<String, Long> to, int requests) {
        StringBuilder line = new StringBuilder();
        for (String name : PROCESSES) {
            line.append(String.format("%" + name.length() + ".1f  ", (to.get(name) - from.get(name)) / (double) requests));
        }
        return line.toString().stripTrailing();
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
