package ai.datasuite.ingest.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.datasuite.ingest.config.IngestConfig;
import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.S3ProxyResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The reconciler on a bucket of its own, filled by the test: it refuses a pass that would delete more than the
 * allowed share (what an empty answer from a fresh or wrong metadata database looks like), pages through the
 * bucket, and aborts multipart uploads a crash cut off.
 */
@QuarkusTest
@TestProfile(OrphanReconcilerTest.OwnBucket.class)
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class OrphanReconcilerTest {

    /** Negative, so that every object counts as old enough, whatever the store's clock resolution. */
    private static final Duration ANY_AGE = Duration.ofSeconds(-60);
    private static final String REFERENCES = "POST /api/v1/files/references";

    public static class OwnBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ingest.storage.bucket", "reconciler-test");
        }
    }

    @Inject
    S3Client s3;

    @Inject
    OrphanReconciler reconciler;

    @Inject
    StorageService storage;

    @Inject
    IngestConfig config;

    private final List<String> rows = new ArrayList<>();

    @BeforeEach
    void emptyBucket() {
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(storage.bucket())).contents()) {
            s3.deleteObject(b -> b.bucket(storage.bucket()).key(object.key()));
        }
        s3.listMultipartUploadsPaginator(b -> b.bucket(storage.bucket())).uploads()
                .forEach(u -> storage.abortUpload(u.key(), u.uploadId()));
    }

    @AfterEach
    void removeRows() {
        rows.forEach(FakeMetadataResource.ROWS::remove);
    }

    @Test
    void anEmptyAnswerFromMetadataDeletesNothing() {
        // A fresh or wrong metadata database: no row refers to any object.
        List<String> keys = objects(6, false);
        OrphanReconciler.Report report = reconciler.reconcile(pass());
        assertTrue(report.refused(), report::toString);
        assertEquals(6, report.examined());
        assertEquals(6, report.unreferenced());
        assertEquals(0, report.deleted());
        assertEquals(keys, listed(), "every object is still there");

        // The explicit flag lets a deliberate clean-up through.
        report = reconciler.reconcile(pass().allowingMassDelete());
        assertFalse(report.refused());
        assertEquals(6, report.deleted());
        assertTrue(listed().isEmpty());
    }

    @Test
    void strayObjectsWithinTheShareAreDeletedAndReferencedOnesKept() {
        List<String> kept = objects(4, true);
        objects(2, false);
        OrphanReconciler.Report report = reconciler.reconcile(pass());
        assertFalse(report.refused(), report::toString);
        assertEquals(6, report.examined());
        assertEquals(2, report.deleted());
        assertEquals(kept, listed());
    }

    @Test
    void aPassShareAboveTheLimitIsRefusedEvenWithSomeReferences() {
        List<String> all = new ArrayList<>(objects(2, true));
        all.addAll(objects(3, false));
        OrphanReconciler.Report report = reconciler.reconcile(pass());
        assertTrue(report.refused(), report::toString);
        assertEquals(0, report.deleted());
        assertEquals(all.stream().sorted().toList(), listed());
    }

    @Test
    void itPagesThroughTheBucketHoldingOnePageAtATime() {
        List<String> kept = objects(6, true);
        objects(1, false);
        FakeMetadataResource.HOPS.clear();
        OrphanReconciler.Report report = reconciler.reconcile(pass().withPageSize(3));
        assertEquals(7, report.examined());
        assertEquals(1, report.deleted());
        assertTrue(report.largestPage() <= 3, report::toString);
        long lookUps = FakeMetadataResource.HOPS.stream().filter(h -> h.request().equals(REFERENCES)).count();
        // Counting walk and deleting walk: three pages of at most three keys each.
        assertEquals(6, lookUps, FakeMetadataResource.HOPS::toString);
        assertEquals(kept, listed());
    }

    @Test
    void anUnfinishedMultipartUploadOlderThanTheMinimumAgeIsAborted() {
        String key = "files/r-crash/" + UUID.randomUUID();
        String uploadId = s3.createMultipartUpload(b -> b.bucket(storage.bucket()).key(key)).uploadId();
        s3.uploadPart(b -> b.bucket(storage.bucket()).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromString("the first part of an upload a crash cut off"));
        assertEquals(1, unfinishedUploads());

        // Younger than the minimum age: it may still be in flight.
        assertEquals(0, reconciler.reconcile(pass().withMinAge(Duration.ofHours(1))).abortedUploads());
        assertEquals(1, unfinishedUploads());

        OrphanReconciler.Report report = reconciler.reconcile(pass());
        assertEquals(1, report.abortedUploads());
        assertEquals(0, unfinishedUploads());
    }

    private OrphanReconciler.Pass pass() {
        return OrphanReconciler.Pass.configured(config.reconciler()).withMinAge(ANY_AGE);
    }

    /** {@code count} objects under files/, with a row referring to each when {@code referenced}; sorted keys. */
    private List<String> objects(int count, boolean referenced) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            String key = "files/r-owner/" + id;
            s3.putObject(b -> b.bucket(storage.bucket()).key(key), RequestBody.fromString("object " + i));
            if (referenced) {
                FakeMetadataResource.ROWS.put(id, Map.of("id", id, "owner_id", "r-owner", "object_key", key));
                rows.add(id);
            }
            keys.add(key);
        }
        return keys.stream().sorted().toList();
    }

    private List<String> listed() {
        return s3.listObjectsV2Paginator(b -> b.bucket(storage.bucket())).contents().stream().map(S3Object::key)
                .sorted().toList();
    }

    private long unfinishedUploads() {
        return s3.listMultipartUploadsPaginator(b -> b.bucket(storage.bucket())).uploads().stream().count();
    }
}
