package ai.datasuite.ingest.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.ingest.config.IngestConfig;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The raw bytes: every S3 call of ingest-service goes through here. */
@ApplicationScoped
public class StorageService {

    private static final Logger LOG = Logger.getLogger(StorageService.class);

    private final S3Client s3;
    private final IngestConfig config;
    /** Multipart parts get their own threads: their callers block on them from the shared worker pool. */
    private final ExecutorService partThreads;

    public StorageService(S3Client s3, IngestConfig config) {
        this.s3 = s3;
        this.config = config;
        AtomicInteger count = new AtomicInteger();
        this.partThreads = Executors.newFixedThreadPool(Math.max(2, config.storage().uploadConcurrency() * 2), task -> {
            Thread thread = new Thread(task, "s3-part-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void shutdown() {
        partThreads.shutdownNow();
    }

    public String bucket() {
        return config.storage().bucket();
    }

    public void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket()));
        } catch (NoSuchBucketException e) {
            LOG.infof("creating bucket %s", bucket());
            s3.createBucket(b -> b.bucket(bucket()));
        }
    }

    /** Readiness probe: the bucket answers. */
    public void ping() {
        s3.headBucket(b -> b.bucket(bucket()));
    }

    /** Streams a file from disk to S3; large files go as a multipart upload so memory stays bounded. */
    public void put(String key, Path file, String contentType) {
        long size = size(file);
        if (size <= config.storage().multipartThreshold().asLongValue()) {
            s3.putObject(b -> b.bucket(bucket()).key(key).contentType(contentType), RequestBody.fromFile(file));
            return;
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket()).key(key).contentType(contentType)).uploadId();
        try {
            long partSize = Math.max(5L << 20, config.storage().partSize().asLongValue());
            int count = (int) ((size + partSize - 1) / partSize);
            // Parts go up several at a time; each reads its own slice of the file, so memory stays bounded.
            Semaphore inFlight = new Semaphore(config.storage().uploadConcurrency());
            List<CompletableFuture<CompletedPart>> parts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int partNumber = i + 1;
                long from = i * partSize;
                long length = Math.min(partSize, size - from);
                acquire(inFlight);
                parts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        String etag = s3.uploadPart(b -> b.bucket(bucket()).key(key).uploadId(uploadId)
                                        .partNumber(partNumber).contentLength(length),
                                RequestBody.fromContentProvider(() -> slice(file, from, length), length,
                                        "application/octet-stream")).eTag();
                        return CompletedPart.builder().partNumber(partNumber).eTag(etag).build();
                    } finally {
                        inFlight.release();
                    }
                }, partThreads));
            }
            List<CompletedPart> completed = new ArrayList<>();
            for (CompletableFuture<CompletedPart> part : parts) {
                completed.add(join(part));
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket()).key(key).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(completed).build()));
        } catch (RuntimeException e) {
            // An interrupted thread cannot make the abort call: clear the flag for it, then restore it.
            boolean interrupted = Thread.interrupted();
            abortQuietly(key, uploadId);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    private static void acquire(Semaphore permits) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the upload was given up while its parts were being sent", e);
        }
    }

    /** Interruptible, so that an upload given up on (its put timed out) stops and aborts its multipart upload. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IllegalStateException("the upload was given up while its parts were being sent", e);
        }
    }

    /**
     * The object, or only {@code range} of it (an HTTP Range value such as {@code bytes=0-99}) when given. The
     * caller must close the stream, and {@link ResponseInputStream#abort() abort} it when it stops reading early, or
     * the S3 connection is never returned to the pool.
     */
    public ResponseInputStream<GetObjectResponse> get(String key, String range) {
        return s3.getObject(b -> b.bucket(bucket()).key(key).range(range));
    }

    /** The object's length, type, ETag and date, without opening its content (a HEAD request). */
    public HeadObjectResponse head(String key) {
        return s3.headObject(b -> b.bucket(bucket()).key(key));
    }

    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket()).key(key));
    }

    /** Deletes what it can; what it cannot is left for the reconciler, which only ever removes unreferenced objects. */
    public void deleteQuietly(List<String> keys) {
        for (String key : keys) {
            try {
                delete(key);
            } catch (RuntimeException e) {
                LOG.warnf("could not delete %s (the reconciler will retry): %s", key, e.getMessage());
            }
        }
    }

    /**
     * Calls {@code visitor} with each page (at most {@code pageSize} objects, as S3 lists them) of the keys under
     * {@code prefix} last modified before {@code before}; only one page is held at a time.
     */
    public void forEachPage(String prefix, Instant before, int pageSize, Consumer<List<String>> visitor) {
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket()).prefix(prefix)
                .maxKeys(pageSize).build();
        s3.listObjectsV2Paginator(request).forEach(page -> {
            List<String> keys = page.contents().stream()
                    .filter(object -> object.lastModified().isBefore(before))
                    .map(S3Object::key)
                    .toList();
            if (!keys.isEmpty()) {
                visitor.accept(keys);
            }
        });
    }

    /** Calls {@code visitor} for every multipart upload under {@code prefix} started before {@code before}. */
    public void forEachUnfinishedUpload(String prefix, Instant before, Consumer<MultipartUpload> visitor) {
        ListMultipartUploadsRequest request = ListMultipartUploadsRequest.builder().bucket(bucket()).prefix(prefix)
                .build();
        for (MultipartUpload upload : s3.listMultipartUploadsPaginator(request).uploads()) {
            if (upload.initiated() != null && upload.initiated().isBefore(before)) {
                visitor.accept(upload);
            }
        }
    }

    /** Aborts a multipart upload, freeing the parts it stored. */
    public void abortUpload(String key, String uploadId) {
        s3.abortMultipartUpload(b -> b.bucket(bucket()).key(key).uploadId(uploadId));
    }

    private void abortQuietly(String key, String uploadId) {
        try {
            abortUpload(key, uploadId);
        } catch (RuntimeException e) {
            LOG.warnf("could not abort multipart upload %s of %s: %s", uploadId, key, e.getMessage());
        }
    }

    private static InputStream slice(Path file, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
