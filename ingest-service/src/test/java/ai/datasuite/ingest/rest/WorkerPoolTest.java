package ai.datasuite.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.S3ProxyResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Uploads at once on a small worker pool: the S3 put used to run on the pool its request thread waited on (join, no
 * timeout), so with every worker thread holding an upload the puts queued behind them for good.
 */
@QuarkusTest
@TestProfile(ConstrainedPoolsProfile.class)
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class WorkerPoolTest {

    @Test
    void asManyUploadsAsWorkerThreadsComplete() throws Exception {
        // Twice the worker threads: every thread holds an upload, and more wait in the pool's queue.
        int uploads = ConstrainedPoolsProfile.WORKER_THREADS * 2;
        String user = FileResourceTest.user();
        ExecutorService clients = Executors.newFixedThreadPool(uploads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                byte[] bytes = ("upload " + i + " ").repeat(100_000).getBytes(StandardCharsets.UTF_8);
                String name = "u" + i + ".txt";
                answers.add(clients.submit(() -> {
                    go.await();
                    return FileResourceTest.upload(user, name, bytes, FileResourceTest.meta(user)).statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> answer : answers) {
                // Hung for good before the fix; a minute is far more than eight small uploads take.
                assertEquals(201, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
