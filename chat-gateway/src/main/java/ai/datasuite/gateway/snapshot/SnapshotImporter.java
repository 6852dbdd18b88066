package ai.datasuite.gateway.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipFile;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.datasuite.gateway.client.IngestUploadsClient;
import ai.datasuite.gateway.client.MetadataTasksClient;
import ai.datasuite.gateway.config.SnapshotConfig;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * The work of an import, off the request, as its owner (a token minted for the key's user and role): every
 * metadata.jsonl into metadata-service (a refused one ends the import {@code failed} with metadata's row errors, and
 * nothing else is done), then every other file to ingest-service with data type {@code task-file} and the task_id of
 * its row ({@code gateway.snapshots.upload-concurrency} at a time; each unpacked to the spool, sent, deleted), then
 * metadata's match. A file ingest refuses is reported and the import goes on; a service that cannot be reached ends
 * it {@code failed}. The spooled zip is deleted at the end, whatever happened.
 */
@Singleton
public class SnapshotImporter {

    /** ingest-service's data type of a task's attached file. */
    static final String DATA_TYPE = "task-file";
    private static final Logger LOG = Logger.getLogger(SnapshotImporter.class);

    private final MetadataTasksClient metadata;
    private final IngestUploadsClient ingest;
    private final SnapshotSpool spool;
    private final ObjectMapper json;
    private final ExecutorService jobs;
    private final ExecutorService uploads;

    public SnapshotImporter(MetadataTasksClient metadata, IngestUploadsClient ingest, SnapshotSpool spool,
                            ObjectMapper json, SnapshotConfig config) {
        this.metadata = metadata;
        this.ingest = ingest;
        this.spool = spool;
        this.json = json;
        this.jobs = Executors.newFixedThreadPool(config.threads(), daemon("snapshot-import"));
        this.uploads = Executors.newFixedThreadPool(config.uploadConcurrency(), daemon("snapshot-upload"));
    }

    /** Runs the import in the background; the zip is the job's from now on (deleted when it ends). */
    void start(SnapshotJob job, Path zip, SnapshotArchive archive) {
        jobs.execute(() -> run(job, zip, archive));
    }

    void run(SnapshotJob job, Path zipPath, SnapshotArchive archive) {
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            TaskIndex index = new TaskIndex(json);
            for (String name : archive.metadataFiles()) {
                ByteArrayOutputStream rows = new ByteArrayOutputStream();
                SnapshotArchive.copy(zip, name, rows);
                try {
                    job.imported(metadata.importJsonl(rows.toByteArray(), job.owner(), job.role()));
                } catch (RemoteRejectedException refused) {
                    refusedRows(job, archive, name, refused);
                    return;
                }
                index.add(SnapshotArchive.folderOf(name), rows.toByteArray());
            }
            Set<String> tasksWithFile = ConcurrentHashMap.newKeySet();
            List<String> withoutRows = new ArrayList<>();
            AtomicReference<String> stopped = new AtomicReference<>();
            List<Future<?>> sent = new ArrayList<>();
            for (String name : archive.files()) {
                String taskId = index.taskFor(name);
                if (taskId == null) {
                    withoutRows.add(name);
                }
                sent.add(uploads.submit(() -> upload(job, zip, name, taskId, tasksWithFile, stopped)));
            }
            for (Future<?> upload : sent) {
                upload.get();
            }
            if (stopped.get() != null) {
                job.failed(stopped.get() + " The rows were imported and the files sent so far are stored; send"
                        + " the zip again to finish (nothing is stored twice).", List.of());
                return;
            }
            Map<String, Object> report = metadata.match(job.owner(), job.role());
            job.completed(report, index.withoutFiles(tasksWithFile), withoutRows);
        } catch (ProblemException problem) {
            job.failed(problem.detail() + " Send the zip again to finish (nothing is stored twice).", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.failed("The gateway stopped during the import. Send the zip again.", List.of());
        } catch (IOException | ExecutionException | RuntimeException e) {
            LOG.errorf(e, "Snapshot import %s failed", job.id());
            job.failed("The import stopped on an unexpected failure (logged as import " + job.id() + "). Send the"
                    + " zip again; if it happens again, report it to the operator.", List.of());
        } finally {
            SnapshotSpool.delete(zipPath);
        }
    }

    private void upload(SnapshotJob job, ZipFile zip, String name, String taskId, Set<String> tasksWithFile,
                        AtomicReference<String> stopped) {
        if (stopped.get() != null) {
            return;
        }
        Path part = spool.newFile(".part");
        try {
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW)) {
                SnapshotArchive.copy(zip, name, out);
            }
            IngestUploadsClient.Stored stored = ingest.upload(job.owner(), job.role(), SnapshotArchive.baseName(name),
                    part, metadataPart(taskId));
            if (taskId != null) {
                tasksWithFile.add(taskId);
            }
            job.stored(stored.existed());
        } catch (RemoteRejectedException refused) {
            String detail = refused.remoteDetail().isEmpty() ? refused.detail() : refused.remoteDetail();
            job.rejected(name, refused.remoteStatus(), detail);
        } catch (ProblemException unavailable) {
            LOG.warnf(unavailable, "Snapshot import %s: %s could not be stored", job.id(), name);
            stopped.compareAndSet(null, unavailable.detail());
        } catch (IOException e) {
            job.rejected(name, 400, "It could not be unpacked from the zip (" + e.getMessage() + ").");
        } finally {
            SnapshotSpool.delete(part);
        }
    }

    private String metadataPart(String taskId) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("data_type", DATA_TYPE);
        if (taskId != null) {
            metadata.put("task_id", taskId);
        }
        try {
            return json.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** metadata refused a metadata.jsonl: its row errors, each naming the file, and nothing more is done. */
    private static void refusedRows(SnapshotJob job, SnapshotArchive archive, String name,
                                    RemoteRejectedException refused) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (refused.remoteProblem().get("errors") instanceof List<?> rows) {
            for (Object row : rows) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("metadata_file", name);
                if (row instanceof Map<?, ?> fields) {
                    fields.forEach((key, value) -> error.put(String.valueOf(key), value));
                }
                errors.add(error);
            }
        }
        int before = archive.metadataFiles().indexOf(name);
        job.failed("metadata-service refused " + name + ": " + refused.detail() + (before > 0
                ? " The metadata.jsonl files before it were imported;" : "")
                + " no file was uploaded. Correct the rows and send the zip again.", errors);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        jobs.shutdownNow();
        uploads.shutdownNow();
    }
}
