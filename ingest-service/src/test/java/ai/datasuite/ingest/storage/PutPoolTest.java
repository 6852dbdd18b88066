package ai.datasuite.ingest.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.datasuite.problem.ProblemException;

/** The put pool's bounds: a wait that times out, a full queue, and what is removed when an upload is given up. */
class PutPoolTest {

    private final List<String> removed = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private PutPool pool;

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdown();
    }

    @Test
    void aPutThatTakesTooLongFailsTheUploadAndItsObjectIsRemoved() {
        pool = new PutPool(removed::add, 1, 1, Duration.ofMillis(200));
        CountDownLatch interrupted = new CountDownLatch(1);
        PutPool.Pending pending = pool.start("files/u/slow", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        ProblemException e = assertThrows(ProblemException.class, pending::await);
        assertEquals(503, e.status());
        assertEquals("storage-timeout", e.slug());
        assertTrue(e.detail().contains("ingest.storage.put-timeout"), e.detail());
        assertEquals("5", e.headers().get("Retry-After"));
        waitFor(() -> interrupted.getCount() == 0, "the put was interrupted");
        waitFor(() -> removed.equals(List.of("files/u/slow")), "the object of the given-up put was removed");
    }

    @Test
    void aFullQueueIsRefusedNamingTheLimits() {
        pool = new PutPool(removed::add, 1, 1, Duration.ofSeconds(10));
        pool.start("files/u/1", this::blockUntilReleased);
        pool.start("files/u/2", this::blockUntilReleased);
        ProblemException e = assertThrows(ProblemException.class, () -> pool.start("files/u/3", () -> { }));
        assertEquals(503, e.status());
        assertEquals("uploads-busy", e.slug());
        assertTrue(e.detail().contains("ingest.storage.put-threads") && e.detail().contains("ingest.storage.put-queue"),
                e.detail());
    }

    @Test
    void aFinishedPutThatIsAbandonedIsRemovedAtOnce() {
        pool = new PutPool(removed::add, 1, 1, Duration.ofSeconds(10));
        PutPool.Pending pending = pool.start("files/u/done", () -> { });
        pending.await();
        pending.abandon(true);
        assertEquals(List.of("files/u/done"), removed);
    }

    @Test
    void aRunningPutThatIsAbandonedIsStoppedAndRemovedBeforeAbandonReturns() throws Exception {
        pool = new PutPool(removed::add, 1, 1, Duration.ofSeconds(10));
        CountDownLatch running = new CountDownLatch(1);
        PutPool.Pending pending = pool.start("files/u/running", () -> {
            running.countDown();
            blockUntilReleased();
        });
        assertTrue(running.await(10, TimeUnit.SECONDS));
        pending.abandon(true);
        assertEquals(List.of("files/u/running"), removed);
    }

    @Test
    void aQueuedPutThatIsAbandonedNeverRuns() {
        pool = new PutPool(removed::add, 1, 1, Duration.ofSeconds(10));
        pool.start("files/u/busy", this::blockUntilReleased);
        List<String> ran = new CopyOnWriteArrayList<>();
        PutPool.Pending queued = pool.start("files/u/queued", () -> ran.add("queued"));
        queued.abandon(true);
        release.countDown();
        PutPool.Pending next = pool.start("files/u/next", () -> ran.add("next"));
        next.await();
        assertEquals(List.of("next"), ran);
        assertTrue(removed.isEmpty(), removed::toString);
    }

    private void blockUntilReleased() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.onSpinWait();
        }
    }
}
