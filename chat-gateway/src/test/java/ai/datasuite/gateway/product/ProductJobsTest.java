package ai.datasuite.gateway.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;

import ai.datasuite.gateway.config.ProductsConfig;
import ai.datasuite.gateway.document.Acting;
import ai.datasuite.problem.ProblemException;

/** The kept jobs are bounded: a new job drops the oldest finished one, and 503 names the key when all still run. */
class ProductJobsTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final ProductJobs jobs = new ProductJobs(config(2));

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        jobs.stop();
    }

    @Test
    void aNewJobDropsTheOldestFinishedOneAndAllRunningIs503() throws Exception {
        Acting owner = new Acting("alice", "user");
        CountDownLatch firstDone = new CountDownLatch(1);
        ProductJob first = new ProductJob(ProductJob.IMPORT, 1, owner, 1);
        jobs.start(first, false, job -> {
            job.succeeded("done");
            firstDone.countDown();
        });
        assertTrue(firstDone.await(5, TimeUnit.SECONDS));
        jobs.start(new ProductJob(ProductJob.IMPORT, 2, owner, 1), false, running -> release.await());
        // Two kept (the most): the third makes room by dropping the finished first one.
        JobView third = jobs.start(new ProductJob(ProductJob.IMPORT, 3, owner, 1), false, running -> release.await());
        assertEquals(3, third.catalogId());

        ProblemException busy = assertThrows(ProblemException.class,
                () -> jobs.start(new ProductJob(ProductJob.IMPORT, 4, owner, 1), false, job -> { }));
        assertEquals(503, busy.status());
        assertEquals("product-jobs-busy", busy.slug());
        assertTrue(busy.detail().contains("gateway.products.max-jobs-kept"), busy.detail());
    }

    private static ProductsConfig config(int maxKept) {
        return new ProductsConfig() {
            public MemorySize maxImportBytes() { return new MemorySize(java.math.BigInteger.valueOf(1 << 20)); }
            public int indexBatch() { return 1; }
            public int classifyBatch() { return 1; }
            public int fewShotPerCategory() { return 1; }
            public int maxJobsKept() { return maxKept; }
            public int jobThreads() { return 4; }
            public int similarMaxK() { return 1; }
            public int pageSize() { return 1; }
        };
    }
}
