package ai.datasuite.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one kind of request from {@code concurrency} threads for a fixed time and measures each: the figures a load
 * test asserts on (errors) and reports (requests, p50, p99). A request that throws or answers non-2xx is an error.
 */
final class LoadDriver {

    /** One request; returns the HTTP status it got. */
    @FunctionalInterface
    interface Call {
        int run(int thread, long sequence) throws Exception;
    }

    record Result(int requests, int errors, double p50Ms, double p99Ms, String firstError) {

        String line(String service, int concurrency, long rssMb) {
            return String.format(java.util.Locale.ROOT,
                    "reliability load %s requests=%d concurrency=%d p50=%.1fms p99=%.1fms rss=%dMB errors=%d",
                    service, requests, concurrency, p50Ms, p99Ms, rssMb, errors);
        }
    }

    private LoadDriver() {
    }

    static Result run(int concurrency, long millis, Call call) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int thread = t;
            futures.add(threads.submit(() -> {
                long[] times = new long[1024];
                int count = 0;
                long errors = 0;
                for (long sequence = 0; System.nanoTime() < end; sequence++) {
                    long started = System.nanoTime();
                    String error = null;
                    try {
                        int status = call.run(thread, sequence);
                        if (status < 200 || status >= 300) {
                            error = "HTTP " + status;
                        }
                    } catch (Exception e) {
                        error = e.toString();
                    }
                    if (error != null) {
                        errors++;
                        firstError.compareAndSet(null, error);
                    }
                    if (count == times.length) {
                        times = Arrays.copyOf(times, count * 2);
                    }
                    times[count++] = System.nanoTime() - started;
                }
                long[] result = Arrays.copyOf(times, count + 1);
                result[count] = errors; // the last slot carries this thread's error count
                return result;
            }));
        }
        threads.shutdown();
        List<Long> all = new ArrayList<>();
        int errors = 0;
        for (Future<long[]> future : futures) {
            long[] times;
            try {
                // A deadlocked service shows as a request that never ends: bounded by the client's timeout.
                times = future.get(millis + 120_000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                threads.shutdownNow();
                throw new IllegalStateException("load threads did not finish: " + e, e);
            }
            for (int i = 0; i < times.length - 1; i++) {
                all.add(times[i]);
            }
            errors += (int) times[times.length - 1];
        }
        all.sort(null);
        return new Result(all.size(), errors, percentile(all, 0.50), percentile(all, 0.99), firstError.get());
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
