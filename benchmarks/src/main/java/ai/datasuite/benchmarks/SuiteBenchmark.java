package ai.datasuite.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The suite as a whole on this machine, as {@code ./suite start} runs it (SUITE_PROFILE too):
 * <ol>
 * <li>{@code ./suite start} from stopped with nothing to build;</li>
 * <li>each service's start-up from its built jar to the first 200 of {@code /q/health/ready} (stopped and started
 *     alone through ./suite, the others up; median of {@code restarts}), with the CPU its JVM used by then (the
 *     wall time depends on what else the shared machine does, the CPU time much less);</li>
 * <li>the RSS of every process idle after start-up, then a mixed workload through the gateway ({@link MixedWorkload})
 *     for {@code seconds} at {@code concurrency}, printing throughput and p50/p99 per operation and the peak RSS, then
 *     the RSS idle again after that warm-up. The weights of the models a service has loaded (the emotion model in
 *     inference-service, e5-small-v2 in retrieval-service) are counted separately, as the goal says.</li>
 * </ol>
 * The suite runs with the gateway's rate limit raised during the workload and is left running, with its normal
 * limits. Usage: {@code benchmarks/run suite [seconds=30] [concurrency=4] [restarts=3]}.
 */
public final class SuiteBenchmark {

    private static final double STARTUP_GOAL_S = 3.0;
    private static final double IDLE_RSS_GOAL_MIB = 200;
    private static final double SMALL_BOX_MIB = 4096;
    /** Where the model is in memory right after start-up (inference-service is ready once it has loaded it). */
    private static final List<String> LOADED_AT_START = List.of("inference-service");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int restarts = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        // The workload is many requests from one key: the default limit (50/s) would turn it into waiting.
        Map<String, String> raised = Map.of("GATEWAY_LIMITS_RATE_CAPACITY", "10000000",
                "GATEWAY_LIMITS_RATE_REFILL_TOKENS", "10000000");
        String profile = Suite.env("SUITE_PROFILE", "default");
        System.out.printf("the suite on this machine (%d cores), SUITE_PROFILE=%s, class-data archives: %s%n",
                Runtime.getRuntime().availableProcessors(), profile, archives());

        double all = SuiteControl.startAll(raised);
        System.out.printf("%n./suite start, nothing to build, from stopped: %.1f s%n", all);

        System.out.printf("%nstart-up of each service alone to its first ready 200 (median of %d; CPU used by then)%n",
                restarts);
        Map<String, Double> startUp = new LinkedHashMap<>();
        for (String service : SuiteControl.SERVICES.keySet()) {
            double[] wall = new double[restarts];
            double[] cpu = new double[restarts];
            for (int r = 0; r < restarts; r++) {
                SuiteControl.StartUp s = SuiteControl.restart(raised, service);
                wall[r] = s.seconds();
                cpu[r] = s.cpuSeconds();
            }
            startUp.put(service, median(wall));
            System.out.printf("  %-18s %5.2f s   (runs %s; CPU %.1f s)%n", service, median(wall), runs(wall),
                    median(cpu));
        }

        Thread.sleep(5000);
        Map<String, Double> afterStart = SuiteControl.rssMiB();

        MixedWorkload.Result result;
        Map<String, Double> peak = new LinkedHashMap<>();
        Map<String, Double> weights;
        try (MixedWorkload workload = MixedWorkload.prepare()) {
            if (!workload.extractive()) {
                System.err.println("chat did not answer in extractive mode: start without SUITE_LLM_BASE_URL");
                System.exit(1);
            }
            workload.run(concurrency, Math.max(5, seconds / 6));   // warm-up of JIT and connections
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> SuiteControl.rssMiB().forEach((k, v) -> peak.merge(k, v, Math::max)),
                    0, 200, TimeUnit.MILLISECONDS);
            result = workload.run(concurrency, seconds);
            sampler.shutdown();
            sampler.awaitTermination(10, TimeUnit.SECONDS);   // its last pass is done before the peaks are read
            weights = modelWeights();
        }
        printWorkload(result, concurrency);

        Thread.sleep(10_000);
        Map<String, Double> afterWarmUp = SuiteControl.rssMiB();
        printRss(afterStart, peak, afterWarmUp, weights);

        // Back to the gateway's normal rate limit.
        SuiteControl.restart(Map.of(), "chat-gateway");

        System.out.println();
        startUp.forEach((service, s) -> System.out.printf("ratio suite start-up-s %s %.2f (goal <= %.0f)%n",
                service, s, STARTUP_GOAL_S));
        for (String service : SuiteControl.SERVICES.keySet()) {
            double w = weights.getOrDefault(service, 0.0);
            System.out.printf("ratio suite idle-rss-mib-after-start %s %.0f (goal <= %.0f)%n", service,
                    afterStart.get(service) - (LOADED_AT_START.contains(service) ? w : 0), IDLE_RSS_GOAL_MIB);
            System.out.printf("ratio suite idle-rss-mib-after-warm-up %s %.0f (goal <= %.0f)%n", service,
                    afterWarmUp.get(service) - w, IDLE_RSS_GOAL_MIB);
        }
        System.out.printf("ratio suite peak-total-rss-mib %.0f (goal <= %.0f)%n",
                peak.values().stream().mapToDouble(Double::doubleValue).sum(), SMALL_BOX_MIB);
    }


    private static void printWorkload(MixedWorkload.Result r, int concurrency) {
        long total = r.sortedNanos().values().stream().mapToLong(a -> a.length).sum();
        System.out.printf("%nmixed workload through the gateway, %d clients, %.0f s: %.1f requests/s%n", concurrency,
                r.seconds(), total / r.seconds());
        for (String op : MixedWorkload.OPERATIONS) {
            long[] nanos = r.sortedNanos().get(op);
            System.out.printf("  %-13s %7.1f /s   p50 %7.2f ms   p99 %7.2f ms   failed %d%s%n", op,
                    nanos.length / r.seconds(), Suite.percentile(nanos, 50), Suite.percentile(nanos, 99),
                    r.failures().get(op), r.firstFailure().containsKey(op) ? " (first: "
                            + abbreviate(r.firstFailure().get(op)) + ")" : "");
        }
    }

    private static void printRss(Map<String, Double> start, Map<String, Double> peak, Map<String, Double> warm,
                                 Map<String, Double> weights) {
        System.out.printf("%nresident memory (MiB)   %12s %12s %12s %14s%n", "idle, start", "peak, load",
                "idle, after", "model weights");
        for (String name : SuiteControl.processes()) {
            System.out.printf("  %-21s %12.0f %12.0f %12.0f %14.0f%n", name, start.get(name),
                    peak.getOrDefault(name, 0.0), warm.get(name), weights.getOrDefault(name, 0.0));
        }
        System.out.printf("  %-21s %12.0f %12.0f %12.0f%n", "total", sum(start), sum(peak), sum(warm));
    }

    /** The ONNX files the services load: the served emotion model's folder, and e5-small-v2 (quantized). */
    private static Map<String, Double> modelWeights() throws IOException {
        Map<String, Double> weights = new LinkedHashMap<>();
        JsonNode model = GatewayUser.send(HttpRequest.newBuilder(Suite.GATEWAY.resolve("/api/v1/classifiers/emotion"))
                .header("X-Api-Key", Suite.adminKey()).build(), 200);
        Path folder = Suite.DATA.resolve("models/emotion/" + model.path("version").asText());
        try (Stream<Path> files = Files.list(folder)) {
            weights.put("inference-service", files.filter(p -> p.toString().endsWith(".onnx"))
                    .mapToLong(p -> p.toFile().length()).sum() / (1024.0 * 1024.0));
        }
        try (InputStream e5 = dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel.class
                .getResourceAsStream("/e5-small-v2-q.onnx")) {
            weights.put("retrieval-service", e5 == null ? 0 : e5.transferTo(java.io.OutputStream.nullOutputStream())
                    / (1024.0 * 1024.0));
        }
        return weights;
    }

    private static String archives() {
        List<String> with = new ArrayList<>();
        for (String service : SuiteControl.SERVICES.keySet()) {
            if (Files.exists(Path.of(Suite.env("SUITE_ROOT", "."), service, "target/quarkus-app/app-cds.jsa"))) {
                with.add(service);
            }
        }
        return with.isEmpty() ? "none (./suite build makes them)" : String.join(", ", with);
    }

    private static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    private static String runs(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("%.2f", v));
        }
        return s.toString();
    }

    private static double sum(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    private SuiteBenchmark() {
    }
}
