package ai.datasuite.gateway.snapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;

import ai.datasuite.gateway.config.SnapshotConfig;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;

/** Snapshot imports: accepting a spooled zip as a job, and showing jobs to their owner (and to admins). */
@Singleton
public class SnapshotService {

    private final SnapshotJobs jobs;
    private final SnapshotImporter importer;
    private final SnapshotConfig config;

    public SnapshotService(SnapshotJobs jobs, SnapshotImporter importer, SnapshotConfig config) {
        this.jobs = jobs;
        this.importer = importer;
        this.config = config;
    }

    /**
     * Checks the spooled zip from its central directory and starts its import as {@code user}; a refused zip is
     * deleted here, an accepted one belongs to the job. Blocking (reads the zip's directory).
     */
    SnapshotImportView accept(Path zip, String user, String role) {
        boolean started = false;
        try {
            SnapshotArchive archive = SnapshotArchive.inspect(zip, config);
            SnapshotJob job = new SnapshotJob(UUID.randomUUID().toString(), user, role, archive);
            jobs.add(job);
            importer.start(job, zip, archive);
            started = true;
            return job.view();
        } finally {
            if (!started) {
                SnapshotSpool.delete(zip);
            }
        }
    }

    public SnapshotImportView get(String id, Caller caller) {
        return jobs.find(id, caller.id(), caller.isAdmin()).map(SnapshotJob::view)
                .orElseThrow(() -> ProblemException.notFound("No snapshot import " + id + " of yours. Imports are"
                        + " kept in memory: after a restart of the gateway, send the zip again (nothing is stored"
                        + " twice)."));
    }

    /** The caller's own imports, newest first. */
    public SnapshotImportPage list(Caller caller, int page, int size) {
        List<SnapshotJob> own = jobs.of(caller.id());
        List<SnapshotImportView> items = own.stream().skip((long) page * size).limit(size)
                .map(SnapshotJob::view).toList();
        return new SnapshotImportPage(items, page, size, own.size());
    }
}
