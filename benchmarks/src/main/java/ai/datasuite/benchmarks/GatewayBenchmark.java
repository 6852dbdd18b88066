package ai.datasuite.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * chat-gateway against a direct call to the same upstream, side by side in one run:
 * <ol>
 * <li>maximum requests/s of {@code GET /api/v1/classifiers/emotion} (inference-service, answered from memory, so the
 * proxy's own cost shows) with {@code concurrency} closed-loop clients: through the gateway with an API key vs.
 * straight to inference-service with a signed identity (goal: ratio >= 0.35);</li>
 * <li>latency at half the gateway's maximum, open loop (each request timed from its scheduled start, so a stall is
 * not hidden): p99 added by the gateway (goal <= 5 ms);</li>
 * <li>a large file uploaded and downloaded through the gateway vs. straight to ingest-service (goal: ratio >= 0.8
 * each way), with the gateway's RSS sampled every 20 ms (the gateway must not grow with the body).</li>
 * </ol>
 * Usage: {@code benchmarks/run gateway [seconds=10] [concurrency=16] [bytes=1073741824]}
 */
public final class GatewayBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String PATH = "/api/v1/classifiers/emotion";

    private record Target(String name, URI base, String header, String value) {
        HttpRequest get(String path) {
            return HttpRequest.newBuilder(base.resolve(path)).header(header, value).GET().build();
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        long bytes = args.length > 2 ? Long.parseLong(args[2]) : 1L << 30;
        Target direct = new Target("direct", Suite.INFERENCE, "Authorization", Suite.bearer());
        Target gateway = new Target("gateway", Suite.GATEWAY, "X-Api-Key", Suite.adminKey());
        expect200(direct);
        expect200(gateway);

        // 1. Maximum throughput, alternating twice, best of each (warm-up first).
        closedLoop(direct, concurrency, 3);
        closedLoop(gateway, concurrency, 3);
        double directRps = 0;
        double gatewayRps = 0;
        for (int round = 0; round < 2; round++) {
            directRps = Math.max(directRps, closedLoop(direct, concurrency, seconds));
            gatewayRps = Math.max(gatewayRps, closedLoop(gateway, concurrency, seconds));
        }
        System.out.printf("max throughput, %s, %d clients, %d s (best of 2)%n", PATH, concurrency, seconds);
        System.out.printf("  direct (inference-service)  %8.0f req/s%n", directRps);
        System.out.printf("  through chat-gateway        %8.0f req/s%n", gatewayRps);

        // 2. Latency at half the gateway's maximum, open loop, same rate for both; alternating, twice each, and the
        //    quieter run of each side counts (a shared machine stalls one run now and then).
        double rate = gatewayRps / 2;
        openLoop(direct, rate, 2);
        openLoop(gateway, rate, 2);
        long[] directLatency = null;
        long[] gatewayLatency = null;
        for (int round = 0; round < 2; round++) {
            directLatency = quieter(directLatency, openLoop(direct, rate, seconds));
            gatewayLatency = quieter(gatewayLatency, openLoop(gateway, rate, seconds));
        }
        double directP50 = Suite.percentile(directLatency, 50);
        double directP99 = Suite.percentile(directLatency, 99);
        double gatewayP50 = Suite.percentile(gatewayLatency, 50);
        double gatewayP99 = Suite.percentile(gatewayLatency, 99);
        System.out.printf("latency at %.0f req/s (half the gateway's maximum), open loop, %d s (quieter of 2)%n", rate,
                seconds);
        System.out.printf("  direct          p50 %6.2f ms  p99 %6.2f ms%n", directP50, directP99);
        System.out.printf("  chat-gateway    p50 %6.2f ms  p99 %6.2f ms%n", gatewayP50, gatewayP99);

        // 3. A large body both ways.
        Path file = LargeUploadBenchmark.textFile(bytes);
        double[] large = largeBody(file, bytes);

        System.out.printf("%nratio gateway/direct max req/s %.2f (goal >= 0.35)%n", gatewayRps / directRps);
        System.out.printf("ratio gateway added p99 ms at half load %.2f (goal <= 5)%n", gatewayP99 - directP99);
        System.out.printf("ratio gateway/direct upload MiB/s %.2f (goal >= 0.8)%n", large[0]);
        System.out.printf("ratio gateway/direct download MiB/s %.2f (goal >= 0.8)%n", large[1]);
        System.out.printf("ratio gateway extra RSS MiB during %d MiB bodies %.1f (goal <= 64)%n", bytes >> 20, large[2]);
    }

    /** Of two latency runs, the one with the lower p99. */
    private static long[] quieter(long[] a, long[] b) {
        return a == null || Suite.percentile(b, 99) < Suite.percentile(a, 99) ? b : a;
    }

    private static void expect200(Target target) throws Exception {
        HttpResponse<String> response = HTTP.send(target.get(PATH), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(target.name() + " " + PATH + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** Requests per second with {@code clients} threads each sending the next request when the last answered. */
    private static double closedLoop(Target target, int clients, int seconds) throws Exception {
        HttpRequest request = target.get(PATH);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 200 ? done : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failed.get() > 0) {
            System.out.printf("  (%s: %d failed requests)%n", target.name(), failed.get());
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Latencies (ns, sorted) of requests started at a fixed rate, each timed from its scheduled start. */
    private static long[] openLoop(Target target, double rate, int seconds) throws Exception {
        HttpRequest request = target.get(PATH);
        long count = Math.max(1, Math.round(rate * seconds));
        long intervalNanos = (long) (1e9 / rate);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenAccept(response -> latencies.add(System.nanoTime() - scheduled)));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return Suite.sorted(latencies.stream().mapToLong(Long::longValue).toArray());
    }

    /** Upload and download ratios gateway/direct (best of 2 each) and the gateway's extra peak RSS in MiB. */
    private static double[] largeBody(Path file, long bytes) throws Exception {
        String apiKey = Suite.adminKey();
        double directUp = 0;
        double gatewayUp = 0;
        double directDown = 0;
        double gatewayDown = 0;
        long extraRss = 0;
        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            String directId = Multipart.upload(Suite.INGEST, "Authorization", Suite.bearer(),
                    "bench-" + UUID.randomUUID(), "large.txt", Multipart.ofFile(file), bytes).path("id").asText();
            directUp = Math.max(directUp, mibPerSecond(bytes, start));

            System.gc();
            long baseline = Suite.rss("chat-gateway");
            AtomicLong peak = new AtomicLong(baseline);
            AtomicBoolean sampling = new AtomicBoolean(true);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                if (sampling.get()) {
                    peak.accumulateAndGet(Suite.rss("chat-gateway"), Math::max);
                }
            }, 0, 20, TimeUnit.MILLISECONDS);
            start = System.nanoTime();
            String gatewayId = Multipart.upload(Suite.GATEWAY, "X-Api-Key", apiKey,
                    "bench-" + UUID.randomUUID(), "large.txt", Multipart.ofFile(file), bytes).path("id").asText();
            gatewayUp = Math.max(gatewayUp, mibPerSecond(bytes, start));

            start = System.nanoTime();
            download(Suite.INGEST, "Authorization", Suite.bearer(), directId, bytes);
            directDown = Math.max(directDown, mibPerSecond(bytes, start));
            start = System.nanoTime();
            download(Suite.GATEWAY, "X-Api-Key", apiKey, gatewayId, bytes);
            gatewayDown = Math.max(gatewayDown, mibPerSecond(bytes, start));
            sampling.set(false);
            sampler.shutdownNow();
            extraRss = Math.max(extraRss, peak.get() - baseline);
            Multipart.delete(List.of(directId, gatewayId));
            System.out.printf("round %d: upload direct %.1f / gateway %.1f MiB/s, download direct %.1f / gateway %.1f"
                    + " MiB/s, gateway extra RSS %.1f MiB%n", round, directUp, gatewayUp, directDown, gatewayDown,
                    (peak.get() - baseline) / 1048576.0);
        }
        return new double[] {gatewayUp / directUp, gatewayDown / directDown, extraRss / 1048576.0};
    }

    private static void download(URI base, String header, String value, String id, long bytes) throws Exception {
        HttpResponse<java.io.InputStream> response = HTTP.send(HttpRequest.newBuilder(
                base.resolve("/api/v1/files/" + id + "/content")).header(header, value).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long read = 0;
        try (java.io.InputStream in = response.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                read += n;
            }
        }
        if (response.statusCode() != 200 || read != bytes) {
            throw new IllegalStateException("download from " + base + " answered " + response.statusCode() + " with "
                    + read + " of " + bytes + " bytes");
        }
    }

    private static double mibPerSecond(long bytes, long startNanos) {
        return bytes / ((System.nanoTime() - startNanos) / 1e9) / (1 << 20);
    }
}
