package ai.datasuite.ingest.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.ingest.client.MetadataClient;
import ai.datasuite.ingest.config.IngestConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Reclaims objects no row refers to: what a crash between "object written" and "row committed" (or between "row
 * deleted" and "object deleted") leaves behind. Only objects older than {@code ingest.reconciler.min-age} are
 * considered, so an upload still in flight is never touched.
 */
@ApplicationScoped
public class OrphanReconciler {

    private static final Logger LOG = Logger.getLogger(OrphanReconciler.class);
    private static final int BATCH = 500;
    private static final List<String> PREFIXES = List.of("files/", "text/");

    private final StorageService storage;
    private final MetadataClient metadata;
    private final IngestConfig config;

    public OrphanReconciler(StorageService storage, MetadataClient metadata, IngestConfig config) {
        this.storage = storage;
        this.metadata = metadata;
        this.config = config;
    }

    public record Report(int examined, int deleted) {
    }

    @Scheduled(every = "${ingest.reconciler.every:10m}", delayed = "${ingest.reconciler.every:10m}",
            skipExecutionIf = Disabled.class, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Report report = reconcile(config.reconciler().minAge());
            if (report.deleted() > 0) {
                LOG.infof("reconciler removed %d unreferenced objects of %d examined", report.deleted(),
                        report.examined());
            }
        } catch (RuntimeException e) {
            LOG.warnf("reconciler run failed, next run retries: %s", e.getMessage());
        }
    }

    /** One pass over the bucket; public so that operators (and tests) can run it with another age. */
    public synchronized Report reconcile(Duration minAge) {
        Instant before = Instant.now().minus(minAge);
        List<String> candidates = new ArrayList<>();
        for (String prefix : PREFIXES) {
            storage.forEachObject(prefix, before, object -> candidates.add(object.key()));
        }
        int deleted = 0;
        for (int from = 0; from < candidates.size(); from += BATCH) {
            List<String> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
            Set<String> referenced = new HashSet<>(metadata.referenced(storage.bucket(), batch));
            for (String key : batch) {
                if (!referenced.contains(key)) {
                    storage.delete(key);
                    deleted++;
                }
            }
        }
        return new Report(candidates.size(), deleted);
    }

    /** Lets the schedule be switched off by configuration. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {

        private final IngestConfig config;

        public Disabled(IngestConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.reconciler().enabled();
        }
    }
}
