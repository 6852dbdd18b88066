package ai.datasuite.inference.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import ai.datasuite.inference.config.JobsConfig;
import ai.datasuite.inference.support.Poll;

/** A job's message is read by its owner: an unexpected failure says so, its exception text stays in the log. */
class JobTrackerTest {

    private static final JobsConfig CONFIG = new JobsConfig() {
        @Override
        public Predict predict() {
            return null;
        }

        @Override
        public int history() {
            return 5;
        }
    };

    @Test
    void anUnexpectedFailureShowsNoExceptionTextOrPath() {
        JobTracker tracker = new JobTracker(CONFIG);
        JobViewer admin = new JobViewer("alice", true);
        try {
            JobView started = tracker.submit("retrain", "manual", "alice", admin, job -> {
                throw new java.io.UncheckedIOException("cannot write /srv/suite-data/models/emotion/.v2-123",
                        new java.io.IOException("No space left on device"));
            });
            JobView done = Poll.until(() -> tracker.find(started.id(), admin).orElseThrow(),
                    job -> !JobTracker.RUNNING.equals(job.status()), Duration.ofSeconds(10));
            assertEquals(JobTracker.FAILED, done.status());
            assertTrue(done.message().contains("failed unexpectedly"), done.message());
            assertTrue(done.message().contains(started.id()), "names the job to look up in the log: " + done.message());
            assertFalse(done.message().contains("/srv") || done.message().contains("Exception")
                    || done.message().contains("No space"), done.message());
        } finally {
            tracker.stop();
        }
    }
}
