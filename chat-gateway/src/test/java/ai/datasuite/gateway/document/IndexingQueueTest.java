package ai.datasuite.gateway.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.datasuite.problem.ProblemException;

/** The background pool is bounded: past its threads and queue an upload is refused with 503 and Retry-After. */
class IndexingQueueTest {

    @Test
    void aFullQueueAnswers503WithRetryAfterNamingTheLimits() throws InterruptedException {
        IndexingQueue queue = new IndexingQueue(1, 1, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(2);
        try {
            Runnable blocked = () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.countDown();
            };
            queue.submit(blocked); // runs
            queue.submit(blocked); // waits

            ProblemException busy = assertThrows(ProblemException.class, () -> queue.submit(() -> { }));

            assertEquals(503, busy.status());
            assertEquals(IndexingQueue.BUSY, busy.slug());
            assertEquals("30", busy.headers().get("Retry-After"));
            assertTrue(busy.detail().contains("gateway.documents.indexing.threads / .queue"), busy.detail());
            release.countDown();
            assertTrue(ran.await(5, TimeUnit.SECONDS), "the accepted uploads still run");
        } finally {
            release.countDown();
            queue.stop();
        }
    }
}
