package ai.datasuite.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.datasuite.ingest.config.IngestConfig;
import ai.datasuite.ingest.file.FaultPoints.Point;
import ai.datasuite.ingest.storage.OrphanReconciler;
import ai.datasuite.ingest.support.CrashingFaultPoints;
import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.S3ProxyResource;
import io.quarkus.test.common.WithTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.s3.S3Client;

/** Kills the flows between their steps and proves no row points at a missing object and strays are reclaimed. */
@QuarkusTest
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class CrashRecoveryTest {

    @Inject
    S3Client s3;

    @Inject
    CrashingFaultPoints faults;

    @Inject
    OrphanReconciler reconciler;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    IngestConfig config;

    /**
     * A pass at once, allowed to delete any share: objects other tests of this application left in the shared bucket
     * vary with the order the tests run in, and the share rule has tests of its own ({@code OrphanReconcilerTest}).
     */
    static OrphanReconciler.Report reclaim(OrphanReconciler reconciler, IngestConfig config) {
        return reconciler.reconcile(OrphanReconciler.Pass.configured(config.reconciler()).withMinAge(Duration.ZERO)
                .allowingMassDelete());
    }

    @AfterEach
    void disarm() {
        faults.disarm();
        FakeMetadataResource.CREATE_FAULT.set(FakeMetadataResource.CreateFault.NONE);
        // The failures these tests provoke may open the breaker; later tests start from a closed one.
        breakers.resetAll();
    }

    @Test
    void aCommitWhoseAnswerIsLostStillSucceeds() {
        String user = FileResourceTest.user();
        FakeMetadataResource.CREATE_FAULT.set(FakeMetadataResource.CreateFault.COMMIT_THEN_500);
        String id = FileResourceTest.upload(user, "lost.txt", "answer lost".getBytes(StandardCharsets.UTF_8),
                FileResourceTest.meta(user)).then().statusCode(201).extract().path("id");
        FakeMetadataResource.CREATE_FAULT.set(FakeMetadataResource.CreateFault.NONE);
        given().get("/api/v1/files/{id}/content", id).then().statusCode(200);
        assertEquals(1, objects(user).size());
    }

    @Test
    void aConflictWithItsOwnEarlierAttemptKeepsTheObjects() {
        String user = FileResourceTest.user();
        FakeMetadataResource.CREATE_FAULT.set(FakeMetadataResource.CreateFault.COMMIT_THEN_409);
        String id = FileResourceTest.upload(user, "self.txt", "conflict with myself".getBytes(StandardCharsets.UTF_8),
                FileResourceTest.meta(user)).then().statusCode(201).extract().path("id");
        FakeMetadataResource.CREATE_FAULT.set(FakeMetadataResource.CreateFault.NONE);
        given().get("/api/v1/files/{id}/content", id).then().statusCode(200);
    }

    @Test
    void anAmbiguousFailureLeavesObjectsForTheReconcilerNotADanglingRow() {
        String user = FileResourceTest.user();
        FakeMetadataResource.CREATE_FAULT.set(FakeMetadataResource.CreateFault.FAIL_500);
        FileResourceTest.upload(user, "unknown.txt", "outcome unknown".getBytes(StandardCharsets.UTF_8),
                FileResourceTest.meta(user)).then().statusCode(503);
        FakeMetadataResource.CREATE_FAULT.set(FakeMetadataResource.CreateFault.NONE);
        // A late attempt could still commit, so the object stays until the reconciler finds no row for it.
        assertEquals(1, objects(user).size());
        reclaim(reconciler, config);
        assertTrue(objects(user).isEmpty());
    }

    @Test
    void crashBeforeRowCommitLeavesOnlyAnObjectThatIsReclaimed() {
        String user = FileResourceTest.user();
        faults.arm(Point.AFTER_OBJECTS_WRITTEN);
        byte[] html = "<html><body><p>crash me</p></body></html>".getBytes(StandardCharsets.UTF_8);
        FileResourceTest.upload(user, "c.html", html, FileResourceTest.meta(user)).then().statusCode(500);
        assertTrue(FakeMetadataResource.ROWS.values().stream().noneMatch(r -> user.equals(r.get("owner_id"))),
                "no row was committed");
        assertEquals(1, objects(user).size(), "the object written before the crash is there");
        assertEquals(1, texts(user).size());

        // Younger than the minimum age: an upload could still be in flight, so it stays.
        reconciler.reconcile(Duration.ofHours(1));
        assertEquals(1, objects(user).size());

        reclaim(reconciler, config);
        assertTrue(objects(user).isEmpty(), "the unreferenced object is reclaimed");
        assertTrue(texts(user).isEmpty());
    }

    @Test
    void reconcilerNeverTouchesReferencedObjects() {
        String user = FileResourceTest.user();
        String id = FileResourceTest.upload(user, "keep.txt", "keep me".getBytes(StandardCharsets.UTF_8),
                FileResourceTest.meta(user)).then().statusCode(201).extract().path("id");
        reclaim(reconciler, config);
        assertEquals(1, objects(user).size());
        given().get("/api/v1/files/{id}/content", id).then().statusCode(200);
        given().get("/api/v1/files/{id}/text", id).then().statusCode(200);
    }

    @Test
    void crashAfterRowDeleteLeavesOnlyObjectsThatAreReclaimed() {
        String user = FileResourceTest.user();
        byte[] html = "<html><body><p>delete me</p></body></html>".getBytes(StandardCharsets.UTF_8);
        String id = FileResourceTest.upload(user, "d.html", html, FileResourceTest.meta(user)).then().statusCode(201)
                .extract().path("id");
        assertEquals(1, texts(user).size());
        faults.arm(Point.AFTER_ROW_DELETED);
        given().delete("/api/v1/files/{id}", id).then().statusCode(500);
        given().get("/api/v1/files/{id}", id).then().statusCode(404);
        assertEquals(1, objects(user).size());

        reclaim(reconciler, config);
        assertTrue(objects(user).isEmpty());
        assertTrue(texts(user).isEmpty());
    }

    @Test
    void uploadAfterACrashSucceedsAgain() {
        String user = FileResourceTest.user();
        byte[] bytes = "retry after crash".getBytes(StandardCharsets.UTF_8);
        faults.arm(Point.AFTER_OBJECTS_WRITTEN);
        FileResourceTest.upload(user, "r.txt", bytes, FileResourceTest.meta(user)).then().statusCode(500);
        String id = FileResourceTest.upload(user, "r.txt", bytes, FileResourceTest.meta(user)).then().statusCode(201)
                .extract().path("id");
        reclaim(reconciler, config);
        List<String> left = objects(user);
        assertEquals(1, left.size(), "only the committed upload's object remains");
        assertTrue(left.get(0).endsWith("/" + id));
    }

    private List<String> objects(String user) {
        return IngestTestSupport.keys(s3, "files/" + user + "/");
    }

    private List<String> texts(String user) {
        return IngestTestSupport.keys(s3, "text/" + user + "/");
    }
}
