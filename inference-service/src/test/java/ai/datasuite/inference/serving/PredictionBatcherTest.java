package ai.datasuite.inference.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Micro-batching with a fake model whose "logit" is the text's length, and a gate to hold the first run. */
class PredictionBatcherTest {

    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch firstRunStarted = new CountDownLatch(1);
    private final List<Integer> runSizes = new ArrayList<>();
    private final List<String> runThreads = new ArrayList<>();

    private float[][] run(List<String> texts) throws Exception {
        synchronized (runSizes) {
            runSizes.add(texts.size());
            runThreads.add(Thread.currentThread().getName());
        }
        firstRunStarted.countDown();
        assertTrue(gate.await(10, TimeUnit.SECONDS));
        if (texts.contains("boom")) {
            throw new IllegalStateException("boom");
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = new float[] {texts.get(i).length()};
        }
        return out;
    }

    /** Submits from another thread: a lone request runs on its caller's thread, which the gate would hold. */
    private static CompletableFuture<float[][]> submitElsewhere(PredictionBatcher batcher, List<String> texts) {
        return CompletableFuture.supplyAsync(() -> batcher.submit(texts)).thenCompose(f -> f);
    }

    private static float value(CompletableFuture<float[][]> future, int index) throws Exception {
        return future.get(10, TimeUnit.SECONDS)[index][0];
    }

    @Test
    void requestsQueuedWhileTheModelIsBusyShareOneRun() throws Exception {
        try (PredictionBatcher batcher = new PredictionBatcher("t", this::run, 32, Duration.ofMillis(2))) {
            CompletableFuture<float[][]> first = submitElsewhere(batcher, List.of("a"));
            assertTrue(firstRunStarted.await(10, TimeUnit.SECONDS));
            List<CompletableFuture<float[][]>> queued = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                queued.add(batcher.submit(List.of("x".repeat(i), "y".repeat(10 * i))));
            }
            gate.countDown();
            assertEquals(1f, value(first, 0));
            for (int i = 1; i <= 5; i++) {
                assertEquals(i, value(queued.get(i - 1), 0));
                assertEquals(10 * i, value(queued.get(i - 1), 1));
            }
            assertEquals(List.of(1, 10), runSizes);
            PredictionBatcher.Stats stats = batcher.stats();
            assertEquals(2, stats.runs());
            assertEquals(11, stats.texts());
            assertEquals(6, stats.requests());
            assertEquals(10, stats.largestBatch());
        }
    }

    @Test
    void aLoneRequestRunsOnItsCallersThreadAndOverlappingOnesGoThroughTheDispatcher() throws Exception {
        try (PredictionBatcher batcher = new PredictionBatcher("t", this::run, 32, Duration.ofMillis(2))) {
            CompletableFuture<float[][]> first = submitElsewhere(batcher, List.of("a"));
            assertTrue(firstRunStarted.await(10, TimeUnit.SECONDS));
            CompletableFuture<float[][]> second = batcher.submit(List.of("bb"));
            CompletableFuture<float[][]> third = batcher.submit(List.of("ccc"));
            assertTrue(!second.isDone() && !third.isDone(), "queued behind the running request");
            gate.countDown();
            assertEquals(1f, value(first, 0));
            assertEquals(2f, value(second, 0));
            assertEquals(3f, value(third, 0));
            // The last run merged two requests: traffic overlaps, so the next one still goes through the dispatcher;
            // once the dispatcher runs a lone request again, callers run inline.
            assertEquals(4f, value(batcher.submit(List.of("dddd")), 0));
            CompletableFuture<float[][]> inline = batcher.submit(List.of("eeeee"));
            assertTrue(inline.isDone(), "a lone request on an idle model completes before submit returns");
            assertEquals(5f, value(inline, 0));
            assertEquals(List.of(1, 2, 1, 1), runSizes);
            assertTrue(!runThreads.get(0).equals("predict-t")
                    && !runThreads.get(0).equals(Thread.currentThread().getName()), runThreads.toString());
            assertEquals(List.of("predict-t", "predict-t", Thread.currentThread().getName()),
                    runThreads.subList(1, 4));
            assertEquals(4, batcher.stats().runs());
            assertEquals(5, batcher.stats().requests());
        }
    }

    @Test
    void enqueuedRequestsNeverRunOnTheCallersThreadAndStillMerge() throws Exception {
        try (PredictionBatcher batcher = new PredictionBatcher("t", this::run, 32, Duration.ofMillis(2))) {
            // The model idle and nothing queued, yet an event-loop caller's request goes to the dispatcher.
            CompletableFuture<float[][]> first = batcher.enqueue(List.of("a"));
            assertTrue(firstRunStarted.await(10, TimeUnit.SECONDS));
            CompletableFuture<float[][]> second = batcher.enqueue(List.of("bb"));
            CompletableFuture<float[][]> third = batcher.enqueue(List.of("ccc"));
            gate.countDown();
            assertEquals(1f, value(first, 0));
            assertEquals(2f, value(second, 0));
            assertEquals(3f, value(third, 0));
            assertEquals(List.of(1, 2), runSizes);
            assertEquals(List.of("predict-t", "predict-t"), runThreads);
        }
    }

    @Test
    void runsNeverExceedTheMaxBatchSizeAndALargeRequestIsSplit() throws Exception {
        gate.countDown();
        try (PredictionBatcher batcher = new PredictionBatcher("t", this::run, 4, Duration.ofMillis(2))) {
            List<String> ten = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                ten.add("z".repeat(i));
            }
            CompletableFuture<float[][]> big = batcher.submit(ten);
            for (int i = 0; i < 10; i++) {
                assertEquals(i + 1, value(big, i));
            }
            assertEquals(List.of(4, 4, 2), runSizes);
        }
    }

    @Test
    void aFailedRunFailsOnlyItsOwnRequests() throws Exception {
        try (PredictionBatcher batcher = new PredictionBatcher("t", this::run, 32, Duration.ofMillis(2))) {
            CompletableFuture<float[][]> first = submitElsewhere(batcher, List.of("ok"));
            assertTrue(firstRunStarted.await(10, TimeUnit.SECONDS));
            CompletableFuture<float[][]> bad = batcher.submit(List.of("boom"));
            CompletableFuture<float[][]> sameBatch = batcher.submit(List.of("fine"));
            gate.countDown();
            assertEquals(2f, value(first, 0));
            ExecutionException failure = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
            assertEquals("boom", failure.getCause().getMessage());
            assertThrows(ExecutionException.class, () -> sameBatch.get(10, TimeUnit.SECONDS));
            CompletableFuture<float[][]> after = batcher.submit(List.of("later"));
            assertEquals(5f, value(after, 0));
        }
    }

    @Test
    void closeRunsWhatIsQueuedAndRefusesNewRequests() throws Exception {
        PredictionBatcher batcher = new PredictionBatcher("t", this::run, 32, Duration.ofMillis(2));
        CompletableFuture<float[][]> first = submitElsewhere(batcher, List.of("a"));
        assertTrue(firstRunStarted.await(10, TimeUnit.SECONDS));
        CompletableFuture<float[][]> queued = batcher.submit(List.of("abc"));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(batcher::close);
        gate.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertEquals(1f, value(first, 0));
        assertEquals(3f, value(queued, 0));
        assertThrows(ExecutionException.class, () -> batcher.submit(List.of("late")).get(10, TimeUnit.SECONDS));
    }
}
