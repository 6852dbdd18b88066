package ai.datasuite.ingest.storage;

import java.time.Duration;
import java.time.Instant;
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
 * deleted" and "object deleted") leaves behind, and multipart uploads a crash cut off. Only objects older than
 * {@code ingest.reconciler.min-age} are considered, so an upload still in flight is never touched.
 * <p>
 * A pass goes through the bucket page by page (one page of keys held at a time, looked up in metadata-service per
 * page), first counting what is unreferenced, then deleting it. If that is more than
 * {@code ingest.reconciler.max-delete-share} of what it examined, it deletes nothing and warns: metadata-service
 * answering "nothing is referenced" (a fresh or wrong database) must not empty the bucket.
 */
@ApplicationScoped
public class OrphanReconciler {

    private static final Logger LOG = Logger.getLogger(OrphanReconciler.class);
    private static final List<String> PREFIXES = List.of("files/", "text/");

    private final StorageService storage;
    private final MetadataClient metadata;
    private final IngestConfig config;

    public OrphanReconciler(StorageService storage, MetadataClient metadata, IngestConfig config) {
        this.storage = storage;
        this.metadata = metadata;
        this.config = config;
    }

    /**
     * What one pass did: objects examined (older than the minimum age), how many of them no row refers to, how many
     * were deleted, whether the deletion was refused as a mass delete, multipart uploads aborted, and the most keys
     * held at once.
     */
    public record Report(int examined, int unreferenced, int deleted, boolean refused, int abortedUploads,
                         int largestPage) {
    }

    /** The settings of one pass; {@link #configured} gives those of {@code ingest.reconciler.*}. */
    public record Pass(Duration minAge, int pageSize, double maxDeleteShare, boolean allowMassDelete) {

        public static Pass configured(IngestConfig.Reconciler config) {
            return new Pass(config.minAge(), config.pageSize(), config.maxDeleteShare(), config.allowMassDelete());
        }

        public Pass withMinAge(Duration age) {
            return new Pass(age, pageSize, maxDeleteShare, allowMassDelete);
        }

        public Pass withPageSize(int size) {
            return new Pass(minAge, size, maxDeleteShare, allowMassDelete);
        }

        public Pass allowingMassDelete() {
            return new Pass(minAge, pageSize, maxDeleteShare, true);
        }
    }

    @Scheduled(every = "${ingest.reconciler.every:10m}", delayed = "${ingest.reconciler.every:10m}",
            skipExecutionIf = Disabled.class, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Report report = reconcile(Pass.configured(config.reconciler()));
            if (report.deleted() > 0 || report.abortedUploads() > 0) {
                LOG.infof("reconciler removed %d unreferenced objects of %d examined and aborted %d unfinished "
                        + "multipart uploads", report.deleted(), report.examined(), report.abortedUploads());
            }
        } catch (RuntimeException e) {
            LOG.warnf("reconciler run failed, next run retries: %s", e.getMessage());
        }
    }

    /** One pass with the configured settings but another minimum age (operators, tests). */
    public Report reconcile(Duration minAge) {
        return reconcile(Pass.configured(config.reconciler()).withMinAge(minAge));
    }

    /** One pass over the bucket. */
    public synchronized Report reconcile(Pass pass) {
        if (pass.pageSize() < 1 || pass.maxDeleteShare() < 0 || pass.maxDeleteShare() > 1) {
            throw new IllegalArgumentException("ingest.reconciler.page-size must be at least 1 and "
                    + "ingest.reconciler.max-delete-share within 0..1");
        }
        Instant before = Instant.now().minus(pass.minAge());
        int aborted = abortUnfinishedUploads(before);

        Count count = new Count();
        for (String prefix : PREFIXES) {
            storage.forEachPage(prefix, before, pass.pageSize(), keys -> {
                count.examined += keys.size();
                count.largestPage = Math.max(count.largestPage, keys.size());
                count.unreferenced += unreferenced(keys).size();
            });
        }
        if (count.unreferenced == 0) {
            return new Report(count.examined, 0, 0, false, aborted, count.largestPage);
        }
        long allowed = (long) Math.floor(pass.maxDeleteShare() * count.examined);
        if (count.unreferenced > allowed && !pass.allowMassDelete()) {
            LOG.warnf("reconciler: %d of %d examined objects have no row, more than ingest.reconciler.max-delete-share"
                            + " (%s) allows in one pass; nothing was deleted. Check that metadata-service uses the right"
                            + " database; to delete them anyway set ingest.reconciler.allow-mass-delete=true for one run.",
                    count.unreferenced, count.examined, pass.maxDeleteShare());
            return new Report(count.examined, count.unreferenced, 0, true, aborted, count.largestPage);
        }

        // Second walk: keys are looked up again, so an object a row took meanwhile stays; the budget holds even if
        // more became unreferenced since the count.
        long budget = pass.allowMassDelete() ? Long.MAX_VALUE : allowed;
        Count deleted = new Count();
        for (String prefix : PREFIXES) {
            storage.forEachPage(prefix, before, pass.pageSize(), keys -> {
                deleted.largestPage = Math.max(deleted.largestPage, keys.size());
                for (String key : unreferenced(keys)) {
                    if (deleted.unreferenced >= budget) {
                        return;
                    }
                    storage.delete(key);
                    deleted.unreferenced++;
                }
            });
        }
        return new Report(count.examined, count.unreferenced, deleted.unreferenced, false, aborted,
                Math.max(count.largestPage, deleted.largestPage));
    }

    private List<String> unreferenced(List<String> keys) {
        Set<String> referenced = new HashSet<>(metadata.referenced(storage.bucket(), keys));
        return keys.stream().filter(key -> !referenced.contains(key)).toList();
    }

    /** Multipart uploads older than the minimum age were cut off by a crash: no row can refer to them. */
    private int abortUnfinishedUploads(Instant before) {
        int[] aborted = {0};
        for (String prefix : PREFIXES) {
            storage.forEachUnfinishedUpload(prefix, before, upload -> {
                storage.abortUpload(upload.key(), upload.uploadId());
                aborted[0]++;
            });
        }
        return aborted[0];
    }

    private static final class Count {
        int examined;
        int unreferenced;
        int largestPage;
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
