package ai.datasuite.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives {@code ./suite} as a user does (start, stop, one service restarted) and reads its processes from /proc: the
 * pid files under {@code $SUITE_DATA_DIR/run}, resident set size and CPU time. Output of {@code ./suite} goes to
 * {@code $SUITE_DATA_DIR/logs/benchmark-suite.log}.
 */
final class SuiteControl {

    /** The services in ./suite's start order, with the ports ./suite gives them (same variables). */
    static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("metadata-service", Integer.parseInt(Suite.env("METADATA_PORT", "8082")));
        SERVICES.put("ingest-service", Integer.parseInt(Suite.env("INGEST_PORT", "8081")));
        SERVICES.put("inference-service", Integer.parseInt(Suite.env("INFERENCE_PORT", "8083")));
        SERVICES.put("retrieval-service", Integer.parseInt(Suite.env("RETRIEVAL_PORT", "8084")));
        SERVICES.put("chat-gateway", Integer.parseInt(Suite.env("GATEWAY_PORT", "8080")));
    }

    private static final Path ROOT = Path.of(Suite.env("SUITE_ROOT", "."));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private static final long CLOCK_TICK_MS = 10;   // USER_HZ is 100 on Linux

    /** Time to the first 200 of a service's readiness check, and the CPU its JVM had used by then. */
    record StartUp(double seconds, double cpuSeconds) {
    }

    private SuiteControl() {
    }

    /** Runs {@code ./suite <command>} with the extra environment; fails when it fails. */
    static void suite(Map<String, String> env, String command) {
        try {
            Process p = process(env, command).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("./suite " + command + " failed; see " + log());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Seconds {@code ./suite start} takes, the suite being stopped and nothing to build. */
    static double startAll(Map<String, String> env) {
        suite(env, "stop");
        long t = System.nanoTime();
        suite(env, "start");
        return (System.nanoTime() - t) / 1e9;
    }

    /**
     * Stops one service and starts it again through {@code ./suite start} (which starts only what is not running),
     * polling its readiness every 10 ms from the moment ./suite is launched.
     */
    static StartUp restart(Map<String, String> env, String service) throws Exception {
        long pid = Suite.pid(service);
        new ProcessBuilder("kill", Long.toString(pid)).start().waitFor();
        while (Files.exists(Path.of("/proc", Long.toString(pid)))) {
            Thread.sleep(20);
        }
        URI ready = URI.create("http://127.0.0.1:" + SERVICES.get(service) + "/q/health/ready");
        long t = System.nanoTime();
        Process start = process(env, "start").start();
        while (!ready(ready)) {
            if (!start.isAlive() && start.exitValue() != 0) {
                throw new IllegalStateException("./suite start failed; see " + log());
            }
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        double cpu = cpuMillis(Suite.pid(service)) / 1000.0;
        if (start.waitFor() != 0) {
            throw new IllegalStateException("./suite start failed; see " + log());
        }
        return new StartUp(seconds, cpu);
    }

    /** Resident set size in MiB of every process of the suite (S3Proxy too), by name. */
    static Map<String, Double> rssMiB() {
        Map<String, Double> rss = new LinkedHashMap<>();
        for (String name : processes()) {
            rss.put(name, Suite.rss(name) / (1024.0 * 1024.0));
        }
        return rss;
    }

    static List<String> processes() {
        List<String> names = new ArrayList<>(SERVICES.keySet());
        names.add("s3proxy");
        return names;
    }

    /** User + system CPU time of a process in milliseconds (/proc/<pid>/stat fields 14 and 15). */
    static long cpuMillis(long pid) {
        try {
            return cpuMillis(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** User + system CPU time in milliseconds from the text of a /proc stat file (a process's or a thread's). */
    static long cpuMillis(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * CLOCK_TICK_MS;
    }

    private static boolean ready(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ProcessBuilder process(Map<String, String> env, String command) {
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("suite").toString(), command);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        return pb;
    }

    private static Path log() {
        Path log = Suite.DATA.resolve("logs/benchmark-suite.log");
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log;
    }
}
