package ai.datasuite.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU the JIT compiler threads of services (and of the benchmark's own JVM) use, read from /proc: a service is
 * only measured once its compilers are quiet. HotSpot compiles a method with C2 only after thousands of calls, so code
 * run once per request (the S3 SDK's PUT pipeline, Tika's detection, the REST stack) is still being compiled thousands
 * of requests after start-up, and the compiler threads take the CPU the requests would use (on two cores, a third of
 * ingest's CPU in the first 1,200 uploads, a quarter after 12,000). A benchmark warms up until the compilers' share
 * falls under {@link #QUIET} and prints the shares while it measured.
 */
final class JitWatch {

    /** The compilers' CPU as a share of the wall time (of one core) under which the processes count as warm. */
    static final double QUIET = 0.05;

    /** Each watched process by its name: the services named, then this JVM as "the benchmark". */
    private final Map<String, Long> processes = new LinkedHashMap<>();
    /** CPU ms of each compiler thread (process name, thread id) when the window started: HotSpot starts and ends them. */
    private Map<List<String>, Long> atStart = Map.of();
    private long startNanos;

    private JitWatch(List<String> services) {
        for (String service : services) {
            processes.put(service, Suite.pid(service));
        }
        processes.put("the benchmark", ProcessHandle.current().pid()); // the baseline's own code is compiled here
        restart();
    }

    /** Starts watching the processes ./suite started under these names and this JVM. */
    static JitWatch of(String... services) {
        return new JitWatch(List.of(services));
    }

    /** Starts a new window. */
    void restart() {
        atStart = compilerMillis();
        startNanos = System.nanoTime();
    }

    /**
     * The compilers' CPU time since the window started as a share of its wall time (0.25: a quarter of a core), by
     * process.
     */
    Map<String, Double> shares() {
        double wallMillis = Math.max(1, (System.nanoTime() - startNanos) / 1e6);
        Map<String, Double> shares = new LinkedHashMap<>();
        processes.keySet().forEach(name -> shares.put(name, 0.0));
        // A compiler thread that ended inside the window loses its part of it: HotSpot ends only idle ones.
        compilerMillis().forEach((thread, millis) -> shares.merge(thread.get(0),
                (millis - atStart.getOrDefault(thread, 0L)) / wallMillis, Double::sum));
        return shares;
    }

    /**
     * Runs {@code round} until the compilers of all watched processes together used under {@link #QUIET} of a
     * round's wall time, or {@code maxRounds} rounds ran; prints how long it took.
     */
    void warmUp(Round round, int maxRounds) throws Exception {
        long start = System.nanoTime();
        Map<String, Double> shares;
        int rounds = 0;
        do {
            restart();
            round.run();
            shares = shares();
            rounds++;
        } while (rounds < maxRounds && total(shares) >= QUIET);
        System.out.printf("  warm-up: %d rounds in %.0f s; in the last, %s%s%n", rounds,
                (System.nanoTime() - start) / 1e9, describe(shares),
                total(shares) < QUIET ? "" : " (still compiling: not yet a steady state)");
        restart();
    }

    /** One round of warm-up calls. */
    interface Round {
        void run() throws Exception;
    }

    /** One line for the benchmark's output: the compilers' shares since the window started. */
    String report() {
        return describe(shares()) + " while measured";
    }

    private static double total(Map<String, Double> shares) {
        return shares.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static String describe(Map<String, Double> shares) {
        StringBuilder parts = new StringBuilder();
        shares.forEach((name, share) -> parts.append(parts.isEmpty() ? "" : ", ")
                .append(String.format("%s %.0f %%", name, 100 * share)));
        return String.format("JIT compilers used %.0f %% of a core (%s)", 100 * total(shares), parts);
    }

    /** CPU ms of each C1 and C2 compiler thread ("C1 CompilerThre", "C2 CompilerThre" in /proc). */
    private Map<List<String>, Long> compilerMillis() {
        Map<List<String>, Long> millis = new HashMap<>();
        processes.forEach((name, pid) -> {
            List<Path> threads;
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                threads = tasks.filter(JitWatch::isCompiler).toList();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the threads of " + name + " (process " + pid + ")", e);
            }
            for (Path thread : threads) {
                try {
                    millis.put(List.of(name, thread.getFileName().toString()),
                            SuiteControl.cpuMillis(Files.readString(thread.resolve("stat"))));
                } catch (IOException e) {
                    // the thread ended since it was listed
                }
            }
        });
        return millis;
    }

    private static boolean isCompiler(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).trim();
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false; // the thread ended
        }
    }
}
