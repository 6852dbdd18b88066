package ai.datasuite.gateway.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

    /**
     * Only the two settings ProductJobs reads, as a dynamic proxy: an anonymous class implementing the config mapping
     * would be scanned by Quarkus's build for every @QuarkusTest and refused (its methods carry the mapping's
     * annotations).
     */
    private static ProductsConfig config(int maxKept) {
        return (ProductsConfig) Proxy.newProxyInstance(ProductsConfig.class.getClassLoader(),
                new Class<?>[] {ProductsConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "maxJobsKept" -> maxKept;
                    case "jobThreads" -> 4;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
