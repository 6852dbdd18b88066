package ai.datasuite.ingest.file;

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
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.ingest.analysis.Analysis;
import ai.datasuite.ingest.analysis.AnalysisException;
import ai.datasuite.ingest.analysis.ContentAnalyzer;
import ai.datasuite.ingest.client.FileFilter;
import ai.datasuite.ingest.client.MetadataClient;
import ai.datasuite.ingest.client.NewFile;
import ai.datasuite.ingest.client.RemoteFile;
import ai.datasuite.ingest.config.IngestConfig;
import ai.datasuite.ingest.file.FaultPoints.Point;
import ai.datasuite.ingest.storage.PutPool;
import ai.datasuite.ingest.storage.StorageService;
import ai.datasuite.ingest.upload.SpooledUpload;
import ai.datasuite.ingest.upload.UploadRequest;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * The file workflow: upload, find, list and delete, answered in ingest's own {@link FileView}s. Ordering is what keeps
 * data safe: objects are written before their row is committed, and a row is deleted before its objects, so a crash
 * anywhere leaves at most an unreferenced object, which {@link ai.datasuite.ingest.storage.OrphanReconciler} removes.
 * Object keys start with the content hash and end with the record id, so every object belongs to exactly one row and
 * cleaning up after a failed upload can never touch another upload's bytes.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final MetadataClient metadata;
    private final StorageService storage;
    private final ContentAnalyzer analyzer;
    private final FaultPoints faults;
    private final PutPool puts;
    private final long dedupLookupAbove;

    public IngestService(MetadataClient metadata, StorageService storage, ContentAnalyzer analyzer, FaultPoints faults,
                         PutPool puts, IngestConfig config) {
        this.metadata = metadata;
        this.storage = storage;
        this.analyzer = analyzer;
        this.faults = faults;
        this.puts = puts;
        this.dedupLookupAbove = config.dedupLookupAbove().asLongValue();
    }

    /** The stored file; {@code created} is false when the same user had already stored the same bytes. */
    public record Upload(FileView file, boolean created) {

        private Upload(RemoteFile file, boolean created) {
            this(FileView.of(file), created);
        }
    }

    /**
     * Stores an upload for {@code owner} (the caller, or whom an admin named): its bytes and text in S3, then its
     * row in metadata-service. The same bytes are deduplicated within the owner only: a large upload is looked up
     * first, a small one by the create itself (its 409 names the owner's existing record; see
     * {@code ingest.dedup-lookup-above}).
     *
     * @throws AnalysisException when the file is of an unsupported type, breaks an archive limit or cannot be read
     */
    public Upload upload(SpooledUpload upload, UploadRequest request, String owner) throws AnalysisException {
        long started = System.nanoTime();
        if (upload.size() > dedupLookupAbove) {
            Optional<RemoteFile> existing = findByContent(owner, upload.sha256());
            if (existing.isPresent()) {
                return new Upload(existing.get(), false);
            }
        }

        String id = UUID.randomUUID().toString();
        String prefix = owner + "/" + upload.sha256() + "/" + id;
        String objectKey = "files/" + prefix;
        ContentAnalyzer.Detection detection = analyzer.detect(upload.file(), upload.originalName());
        // The bytes go to S3 while the text is extracted: both read the same spooled (page-cached) file. The put
        // runs on ingest's own bounded pool, never on the worker pool this request thread belongs to.
        Path text = createTextFile(upload.file());
        try {
            PutPool.Pending storing = puts.start(objectKey,
                    () -> storage.put(objectKey, upload.file(), detection.mediaType()));
            List<String> keys = new ArrayList<>(List.of(objectKey));
            Analysis analysis;
            try {
                analysis = analyze(upload.file(), detection, text);
            } catch (RuntimeException | AnalysisException e) {
                // The bytes are not wanted any more: stop the put and remove what it wrote before answering.
                storing.abandon(true);
                throw e;
            }
            long analysed = System.nanoTime();
            storing.await();
            String textKey;
            try {
                textKey = storeText(analysis, text, upload, objectKey, "text/" + prefix + ".txt", keys);
            } catch (RuntimeException e) {
                storage.deleteQuietly(keys);
                throw e;
            }
            faults.reached(Point.AFTER_OBJECTS_WRITTEN);
            long stored = System.nanoTime();

            NewFile row = new NewFile(id, owner, upload.originalName(), analysis.extension(),
                    analysis.mediaType(), analysis.nameMediaType(), analysis.extensionMismatch(), upload.size(),
                    upload.sha256(), storage.bucket(), objectKey, request.dataType(), request.tagsOrEmpty(), textKey,
                    analysis.hasText() ? analysis.textLength() : null, analysis.textTruncated(), detailsOf(analysis),
                    blankToNull(request.taskId()));
            Upload committed = commit(row, keys);
            LOG.debugf("upload %s: %d bytes %s; analysis %d ms, stored %d ms, committed %d ms after start", id,
                    upload.size(), analysis.mediaType(), ms(started, analysed), ms(started, stored),
                    ms(started, System.nanoTime()));
            return committed;
        } finally {
            SpooledUpload.deleteQuietly(text);
        }
    }

    /**
     * The file with this id, if its owner is {@code visible} to the caller: another user's file is answered as
     * absent, never as forbidden, so that its existence is not revealed. (metadata-service applies the same rule to
     * the caller's identity on the hop; this holds even if it did not.)
     */
    public Optional<FileView> find(String id, Predicate<String> visible) {
        return findVisible(id, visible).map(FileView::of);
    }

    public FilePage list(FileFilter filter, int page, int size) {
        return FilePage.of(metadata.list(filter, page, size));
    }

    /**
     * Removes the row, then the objects; a crash in between leaves only objects the reconciler will reclaim.
     *
     * @return false when there is no such file, or it belongs to an owner not {@code visible} to the caller
     */
    public boolean delete(String id, Predicate<String> visible) {
        Optional<RemoteFile> found = findVisible(id, visible);
        if (found.isEmpty()) {
            return false;
        }
        RemoteFile file = found.get();
        metadata.delete(id);
        faults.reached(Point.AFTER_ROW_DELETED);
        List<String> keys = new ArrayList<>(List.of(file.objectKey()));
        if (file.textKey() != null && !file.textKey().equals(file.objectKey())) {
            keys.add(file.textKey());
        }
        storage.deleteQuietly(keys);
        return true;
    }

    /** The text's key: the object's own when the text is the file, else a text object stored now. */
    private String storeText(Analysis analysis, Path text, SpooledUpload upload, String objectKey, String textKey,
                             List<String> keys) {
        if (!analysis.hasText()) {
            return null;
        }
        if (textIsTheFile(analysis, text, upload)) {
            // UTF-8 text kept whole: the object already is the text, so it is not stored twice.
            return objectKey;
        }
        keys.add(textKey);
        storage.put(textKey, text, "text/plain; charset=utf-8");
        return textKey;
    }

    private Upload commit(NewFile row, List<String> keys) {
        MetadataClient.CreateAttempts attempts = new MetadataClient.CreateAttempts();
        try {
            return new Upload(metadata.create(row, attempts), true);
        } catch (RemoteRejectedException e) {
            if (e.remoteStatus() == 409) {
                RemoteFile winner = findByContent(row.ownerId(), row.sha256()).orElseThrow(() -> e);
                if (winner.id().equals(row.id())) {
                    // An earlier attempt of this very create committed the row; a retry then conflicted with it.
                    return new Upload(winner, true);
                }
                // The owner already has these bytes (stored earlier, or by a concurrent upload that won): answer with
                // that record; ours are removed.
                storage.deleteQuietly(keys);
                return new Upload(winner, false);
            }
            storage.deleteQuietly(keys);
            throw e;
        } catch (RuntimeException e) {
            if (!attempts.maybeApplied()) {
                storage.deleteQuietly(keys);
                throw e;
            }
            return committedAnyway(row, keys, e);
        }
    }

    private Optional<RemoteFile> findVisible(String id, Predicate<String> visible) {
        return metadata.get(id).filter(file -> visible.test(file.ownerId()));
    }

    /**
     * The stored file of this owner with these bytes, if any. The owner is checked again on the answer: another
     * owner's record must never be handed out as the uploader's, whatever the filter returned.
     */
    private Optional<RemoteFile> findByContent(String ownerId, String sha256) {
        return metadata.list(new FileFilter(ownerId, sha256, null, null, null, null, null), 0, 1).items().stream()
                .filter(file -> ownerId.equals(file.ownerId()) && sha256.equals(file.sha256()))
                .findFirst();
    }

    /**
     * A create attempt may have committed although the call failed (a timeout). When the row is there the upload
     * succeeded; otherwise the objects stay, since a late attempt could still commit, and the reconciler (whose
     * minimum age is far longer than any request) removes them if no row ever refers to them.
     */
    private Upload committedAnyway(NewFile row, List<String> keys, RuntimeException failure) {
        try {
            Optional<RemoteFile> committed = metadata.get(row.id());
            if (committed.isPresent()) {
                return new Upload(committed.get(), true);
            }
        } catch (RuntimeException unknown) {
            // still unknown
        }
        LOG.warnf("upload %s: the commit failed ambiguously (%s); the reconciler reclaims %s unless a row refers to it",
                row.id(), failure.getMessage(), keys);
        throw failure;
    }

    private Analysis analyze(Path file, ContentAnalyzer.Detection detection, Path text) throws AnalysisException {
        try (Writer out = Files.newBufferedWriter(text, StandardCharsets.UTF_8)) {
            return analyzer.analyze(file, detection, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plain UTF-8 text copied whole is byte for byte the file (compared, not hashed again: cheaper, and exact). */
    private static boolean textIsTheFile(Analysis analysis, Path text, SpooledUpload upload) {
        if (analysis.textTruncated() || !"UTF-8".equals(analysis.details().get("charset"))) {
            return false;
        }
        try {
            return Files.size(text) == upload.size() && Files.mismatch(text, upload.file()) == -1;
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

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
