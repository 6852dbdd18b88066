package ai.datasuite.inference.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import ai.datasuite.identity.Roles;
import ai.datasuite.inference.client.MetadataClient;
import ai.datasuite.inference.config.JobsConfig;
import ai.datasuite.inference.serving.TextClassifier;
import ai.datasuite.inference.support.CommentsTestProfile;
import ai.datasuite.inference.support.FakeCaller;
import ai.datasuite.inference.support.FakeCommentsMetadata;
import ai.datasuite.inference.support.FakeTextClassifier;

/** Two workers at once against the fake metadata-service never predict the same comment twice. */
@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class PredictionJobConcurrencyTest {

    @Inject
    MetadataClient metadata;
    @Inject
    TextClassifier classifier;
    @Inject
    JobsConfig config;
    @Inject
    PredictionJob job;
    @Inject
    JobTracker tracker;

    @BeforeEach
    void reset() {
        FakeCommentsMetadata.reset();
        FakeTextClassifier.reset();
    }

    /** A counting {@link BatchPredictor.Progress}. */
    static final class Counts implements BatchPredictor.Progress {
        final AtomicInteger claimed = new AtomicInteger();
        final AtomicInteger predicted = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();

        public void claimed(int n) { claimed.addAndGet(n); }
        public void predicted(int n) { predicted.addAndGet(n); }
        public void failed(int n) { failed.addAndGet(n); }
        public void rejected(int n) { rejected.addAndGet(n); }
    }

    @Test
    void twoWorkersAtOnceNeverPredictTheSameComment() throws Exception {
        // More than one run of one worker can take (20 batches of 4), so both must take part.
        int n = 150;
        for (int i = 0; i < n; i++) {
            FakeCommentsMetadata.seed("u" + (i % 7), "comment number " + i);
        }
        // Widen the race window: each batch takes a moment, so the workers' claims interleave.
        FakeTextClassifier.DURING.set(() -> {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Counts> counts = List.of(new Counts(), new Counts());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> runs = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            BatchPredictor predictor = new BatchPredictor(metadata, classifier, config.predict(), "worker-" + w);
            Counts mine = counts.get(w);
            runs.add(pool.submit(() -> {
                start.await();
                return predictor.run(mine);
            }));
        }
        for (Future<String> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        org.jboss.logging.Logger.getLogger(getClass()).infof("two workers: claimed %s / %s, predicted %s / %s",
                counts.get(0).claimed, counts.get(1).claimed, counts.get(0).predicted, counts.get(1).predicted);
        Map<Long, Integer> writes = FakeCommentsMetadata.writes();
        assertEquals(n, writes.size(), "every comment predicted");
        assertTrue(writes.values().stream().allMatch(w -> w == 1), "no comment written twice: " + writes);
        assertEquals(n, FakeTextClassifier.CLASSIFIED.size());
        assertTrue(FakeTextClassifier.CLASSIFIED.values().stream().allMatch(c -> c.get() == 1),
                "no comment classified twice");
        assertEquals(n, counts.get(0).predicted.get() + counts.get(1).predicted.get());
        assertEquals(0, counts.get(0).rejected.get() + counts.get(1).rejected.get());
        assertTrue(counts.get(0).claimed.get() > 0 && counts.get(1).claimed.get() > 0,
                "both workers took part: " + counts.get(0).claimed + " / " + counts.get(1).claimed);
        assertTrue(FakeCommentsMetadata.rows().stream().allMatch(r -> "predicted".equals(r.get("status"))));
    }

    @Test
    void theBatchLimitEndsARunAndTheNextRunContinues() {
        int limit = config.predict().maxBatchesPerRun();
        int n = CommentsTestProfile.BATCH_SIZE * (limit + 1);
        for (int i = 0; i < n; i++) {
            FakeCommentsMetadata.seed("u", "c" + i);
        }
        Counts first = new Counts();
        String summary = new BatchPredictor(metadata, classifier, config.predict(), "w").run(first);
        assertEquals(n - CommentsTestProfile.BATCH_SIZE, first.predicted.get());
        assertTrue(summary.contains("batch limit"), summary);
        Counts second = new Counts();
        new BatchPredictor(metadata, classifier, config.predict(), "w").run(second);
        assertEquals(CommentsTestProfile.BATCH_SIZE, second.predicted.get());
    }

    @Test
    void scheduledRunsAreRecordedOnlyWhenTheyDidSomething() {
        JobViewer admin = new JobViewer("test-admin", true);
        int before = tracker.recent(admin).size();
        job.scheduled();
        assertEquals(before, tracker.recent(admin).size(), "an idle scheduled run leaves no history entry");

        long num = FakeCommentsMetadata.seed("u", "wow");
        job.scheduled();
        JobView run = tracker.recent(admin).get(0);
        assertEquals("scheduled", run.trigger());
        assertEquals("inference-service", run.owner(), "nobody started it: the service owns it");
        assertTrue(tracker.recent(new JobViewer("u", false)).stream().noneMatch(j -> j.id().equals(run.id())),
                "a user does not see the service's runs");
        for (var request : FakeCommentsMetadata.REQUESTS) {
            assertEquals(new FakeCaller("inference-service", Roles.SERVICE, "inference-service"), request.caller(),
                    request.method() + " " + request.path());
        }
        assertEquals("succeeded", run.status());
        assertEquals(1, run.predicted());
        assertEquals("surprise", FakeCommentsMetadata.row(num).get("prediction_result"));
        assertEquals(job.worker(), run.worker());
        assertTrue(job.worker().matches(".+:\\d+:[0-9a-f]{8}"), job.worker());
    }
}
