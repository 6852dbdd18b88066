package ai.datasuite.ingest.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.ingest.client.MetadataClient;
import ai.datasuite.ingest.client.MetadataRejectedException;
import ai.datasuite.ingest.client.NewFile;
import ai.datasuite.ingest.client.RemoteFile;
import ai.datasuite.ingest.service.FaultPoints.Point;

/**
 * The upload and delete flows. Ordering is what keeps data safe: objects are written before their row is committed,
 * and a row is deleted before its objects, so a crash anywhere leaves at most an unreferenced object, which
 * {@link OrphanReconciler} removes. Object keys start with the content hash and end with the record id, so every
 * object belongs to exactly one row and cleaning up after a failed upload can never touch another upload's bytes.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final MetadataClient metadata;
    private final StorageService storage;
    private final ContentAnalyzer analyzer;
    private final FaultPoints faults;
    private final ExecutorService executor;

    public IngestService(MetadataClient metadata, StorageService storage, ContentAnalyzer analyzer, FaultPoints faults,
                         ExecutorService executor) {
        this.metadata = metadata;
        this.storage = storage;
        this.analyzer = analyzer;
        this.faults = faults;
        this.executor = executor;
    }

    public record Upload(RemoteFile file, boolean created) {
    }

    public Upload upload(SpooledUpload upload, UploadRequest request) {
        long started = System.nanoTime();
        Optional<RemoteFile> existing = metadata.findByContent(request.userId(), upload.sha256());
        if (existing.isPresent()) {
            return new Upload(existing.get(), false);
        }

        String id = UUID.randomUUID().toString();
        String prefix = request.userId() + "/" + upload.sha256() + "/" + id;
        String objectKey = "files/" + prefix;
        ContentAnalyzer.Detection detection = detect(upload);
        // The bytes go to S3 while the text is extracted: both read the same spooled (page-cached) file.
        CompletableFuture<Void> storing = CompletableFuture.runAsync(
                () -> storage.put(objectKey, upload.file(), detection.mediaType()), executor);
        List<String> keys = new ArrayList<>(List.of(objectKey));
        Path text = createTextFile(upload.file());
        try {
            Analysis analysis;
            try {
                analysis = analyze(upload.file(), detection, text);
            } catch (RuntimeException e) {
                awaitQuietly(storing);
                storage.deleteQuietly(keys);
                throw e;
            }
            long analysed = System.nanoTime();
            await(storing);
            String textKey = null;
            if (textIsTheFile(analysis, text, upload.size())) {
                // UTF-8 text kept whole: the object already is the text, so it is not stored twice.
                textKey = objectKey;
            } else if (analysis.hasText()) {
                textKey = "text/" + prefix + ".txt";
                keys.add(textKey);
                storage.put(textKey, text, "text/plain; charset=utf-8");
            }
            faults.reached(Point.AFTER_OBJECTS_WRITTEN);
            long stored = System.nanoTime();

            NewFile row = new NewFile(id, request.userId(), upload.originalName(), analysis.extension(),
                    analysis.mediaType(), analysis.nameMediaType(), analysis.extensionMismatch(), upload.size(),
                    upload.sha256(), storage.bucket(), objectKey, request.dataType(), request.tagsOrEmpty(), textKey,
                    analysis.hasText() ? analysis.textLength() : null, analysis.textTruncated(), detailsOf(analysis),
                    blankToNull(request.taskId()));
            RemoteFile committed = commit(row, keys);
            LOG.debugf("upload %s: %d bytes %s; analysis %d ms, stored %d ms, committed %d ms after start", id,
                    upload.size(), analysis.mediaType(), ms(started, analysed), ms(started, stored),
                    ms(started, System.nanoTime()));
            return new Upload(committed, true);
        } finally {
            deleteQuietly(text);
        }
    }

    /** Removes the row, then the objects; a crash in between leaves only objects the reconciler will reclaim. */
    public void delete(String id) {
        RemoteFile file = metadata.get(id).orElseThrow(() -> ProblemException.notFound("file", id));
        metadata.delete(id);
        faults.reached(Point.AFTER_ROW_DELETED);
        List<String> keys = new ArrayList<>(List.of(file.objectKey()));
        if (file.textKey() != null && !file.textKey().equals(file.objectKey())) {
            keys.add(file.textKey());
        }
        storage.deleteQuietly(keys);
    }

    private RemoteFile commit(NewFile row, List<String> keys) {
        try {
            return metadata.create(row);
        } catch (MetadataRejectedException e) {
            if (e.status() == 409) {
                // The same bytes of the same user were committed by a concurrent upload: answer with that record.
                storage.deleteQuietly(keys);
                return metadata.findByContent(row.ownerId(), row.sha256()).orElseThrow(() -> e);
            }
            storage.deleteQuietly(keys);
            throw e;
        } catch (RuntimeException e) {
            cleanUpAfterFailedCommit(row.id(), keys, e);
            throw e;
        }
    }

    /**
     * The commit failed, but it may have landed (a timeout after the row was written). Objects are removed only when
     * the row is known to be absent; when that cannot be known they are left to the reconciler, which checks again.
     */
    private void cleanUpAfterFailedCommit(String id, List<String> keys, RuntimeException failure) {
        if (MetadataClient.neverReached(failure)) {
            storage.deleteQuietly(keys);
            return;
        }
        try {
            if (metadata.get(id).isEmpty()) {
                storage.deleteQuietly(keys);
            }
        } catch (RuntimeException unknown) {
            LOG.warnf("upload %s failed and its row cannot be checked; the reconciler will reclaim %s if unreferenced",
                    id, keys);
        }
    }

    private ContentAnalyzer.Detection detect(SpooledUpload upload) {
        try {
            return analyzer.detect(upload.file(), upload.originalName());
        } catch (AnalysisException e) {
            throw problemOf(e);
        }
    }

    private Analysis analyze(Path file, ContentAnalyzer.Detection detection, Path text) {
        try (Writer out = Files.newBufferedWriter(text, StandardCharsets.UTF_8)) {
            return analyzer.analyze(file, detection, out);
        } catch (AnalysisException e) {
            throw problemOf(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException problemOf(AnalysisException e) {
        return switch (e.kind()) {
            case UNSUPPORTED_TYPE -> new ProblemException(415, "unsupported-media-type", "Unsupported file type",
                    e.getMessage());
            case ARCHIVE_LIMIT -> new ProblemException(413, "archive-limit-exceeded", "Archive exceeds a limit",
                    e.getMessage());
            case MALFORMED -> new ProblemException(400, "malformed-file", "The file could not be read",
                    e.getMessage());
        };
    }

    private static void await(CompletableFuture<Void> storing) {
        try {
            storing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Waits for a store whose result no longer matters, so its object can be removed afterwards. */
    private static void awaitQuietly(CompletableFuture<Void> storing) {
        try {
            storing.join();
        } catch (CompletionException ignored) {
            // the upload fails anyway; what was stored is removed by the caller or the reconciler
        }
    }

    /** Plain UTF-8 text copied whole is byte for byte the file (decoding valid UTF-8 and encoding it again). */
    private static boolean textIsTheFile(Analysis analysis, Path text, long fileSize) {
        if (!analysis.hasText() || analysis.textTruncated() || !"UTF-8".equals(analysis.details().get("charset"))) {
            return false;
        }
        try {
            return Files.size(text) == fileSize;
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, Object> detailsOf(Analysis analysis) {
        Map<String, Object> details = new LinkedHashMap<>(analysis.details());
        if (!analysis.notes().isEmpty()) {
            details.put("notes", analysis.notes());
        }
        return details;
    }

    private static Path createTextFile(Path beside) {
        try {
            return Files.createTempFile(beside.toAbsolutePath().getParent(), "text-", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("could not delete temp file %s: %s", file, e.getMessage());
        }
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
