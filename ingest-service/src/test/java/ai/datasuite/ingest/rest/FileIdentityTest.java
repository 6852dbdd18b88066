package ai.datasuite.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.datasuite.identity.Roles;
import ai.datasuite.ingest.config.IngestConfig;
import ai.datasuite.ingest.file.FaultPoints.Point;
import ai.datasuite.ingest.storage.OrphanReconciler;
import ai.datasuite.ingest.support.CrashingFaultPoints;
import ai.datasuite.ingest.support.FakeIdentity;
import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.S3ProxyResource;
import ai.datasuite.testsupport.identity.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Who may do what: every call needs a valid identity, a user sees only their own files (another's is 404, as if it
 * did not exist), names no one else as owner (403), and deduplicates only against their own bytes; an admin sees
 * everyone's. The hops to metadata-service carry the caller's identity, the reconciler the service's own.
 */
@QuarkusTest
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class FileIdentityTest {

    private static final String FILES = "/api/v1/files";

    @Inject
    S3Client s3;

    @Inject
    OrphanReconciler reconciler;

    @Inject
    CrashingFaultPoints faults;

    @Inject
    IngestConfig config;

    private String alice;
    private String bob;

    @BeforeEach
    void users() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        alice = "alice-" + run;
        bob = "bob-" + run;
    }

    @AfterEach
    void restore() {
        FakeMetadataResource.OWNER_RULES.set(true);
        faults.disarm();
    }

    @Test
    void callsWithoutAValidIdentityAre401AndHealthStaysOpen() {
        String id = upload(as(alice), "mine.txt", "alice's bytes").then().statusCode(201).extract().path("id");
        List<Supplier<RequestSpecification>> refused = List.of(
                TestIdentity::anonymous,
                () -> bearer(TestIdentity.forgedToken(alice, Roles.USER)),
                () -> bearer(TestIdentity.expiredToken(alice, Roles.USER)),
                () -> bearer(TestIdentity.forgedToken("root", Roles.ADMIN)),
                () -> bearer("not-a-token"));
        for (Supplier<RequestSpecification> call : refused) {
            unauthorized(call.get().multiPart("file", "x.txt", "sneaky".getBytes(StandardCharsets.UTF_8))
                    .multiPart("metadata", "{\"data_type\":\"document\"}").post(FILES));
            unauthorized(call.get().get(FILES));
            unauthorized(call.get().get(FILES + "/{id}", id));
            unauthorized(call.get().get(FILES + "/{id}/content", id));
            unauthorized(call.get().delete(FILES + "/{id}", id));
        }
        // Nothing was stored for the refused uploads, and the file survived the refused deletes.
        as(alice).get(FILES).then().statusCode(200).body("total", equalTo(1));
        as(alice).get(FILES + "/{id}/content", id).then().statusCode(200).body(equalTo("alice's bytes"));

        TestIdentity.anonymous().get("/q/health").then().statusCode(200);
        TestIdentity.anonymous().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anotherUserCannotGetListDownloadReadOrDeleteAFile() {
        String id = upload(as(alice), "secret.txt", "alice's secret text").then().statusCode(201)
                .body("owner_id", equalTo(alice)).extract().path("id");
        String bobs = upload(as(bob), "bob.txt", "bob's own text").then().statusCode(201)
                .body("owner_id", equalTo(bob)).extract().path("id");

        refusedToOthers(id);
        as(bob).get(FILES).then().statusCode(200).body("total", equalTo(1)).body("items.id", equalTo(List.of(bobs)));
        as(bob).queryParam("sha256", IngestTestSupport.sha256(bytes("alice's secret text"))).get(FILES).then()
                .statusCode(200).body("total", equalTo(0));

        // The owner still has it all: the refused delete removed nothing.
        as(alice).get(FILES + "/{id}", id).then().statusCode(200).body("owner_id", equalTo(alice));
        as(alice).get(FILES + "/{id}/text", id).then().statusCode(200).body(equalTo("alice's secret text"));
        as(alice).get(FILES).then().statusCode(200).body("total", equalTo(1)).body("items.id", equalTo(List.of(id)));
        assertEquals(1, objectsOf(alice).size());

        // An admin sees both, everyone's when naming nobody, one user's when naming them.
        given().get(FILES + "/{id}", id).then().statusCode(200);
        given().get(FILES + "/{id}/content", bobs).then().statusCode(200).body(equalTo("bob's own text"));
        given().queryParam("size", 200).get(FILES).then().statusCode(200).body("items.id", hasItems(id, bobs));
        given().queryParam("user_id", alice).get(FILES).then().statusCode(200)
                .body("items.owner_id", everyItem(equalTo(alice))).body("total", equalTo(1));

        as(alice).delete(FILES + "/{id}", id).then().statusCode(204);
        given().delete(FILES + "/{id}", bobs).then().statusCode(204);
        assertTrue(objectsOf(alice).isEmpty());
        assertTrue(objectsOf(bob).isEmpty());
    }

    @Test
    void ingestChecksTheOwnerEvenWhenMetadataServiceWouldAnswer() {
        String id = upload(as(alice), "secret.html", "<html><body><p>alice only</p></body></html>").then()
                .statusCode(201).extract().path("id");
        FakeMetadataResource.OWNER_RULES.set(false);
        refusedToOthers(id);
        as(bob).get(FILES).then().statusCode(200).body("total", equalTo(0));
        FakeMetadataResource.OWNER_RULES.set(true);
        as(alice).get(FILES + "/{id}/text", id).then().statusCode(200).body(containsString("alice only"));
    }

    @Test
    void namingAnotherUserIs403AndNamingNobodyMeansTheCaller() {
        upload(as(alice), "for-bob.txt", "planted", "{\"user_id\":\"" + bob + "\",\"data_type\":\"document\"}")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"))
                .body("detail", containsString("'user_id'"));
        as(alice).queryParam("user_id", bob).get(FILES).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"));
        assertTrue(objectsOf(bob).isEmpty(), "nothing stored under bob's name");
        assertTrue(objectsOf(alice).isEmpty(), "nor under alice's");
        assertFalse(FakeMetadataResource.ROWS.values().stream().anyMatch(r -> bob.equals(r.get("owner_id"))));

        upload(as(alice), "mine.txt", "named myself", "{\"user_id\":\"" + alice + "\",\"data_type\":\"document\"}")
                .then().statusCode(201).body("owner_id", equalTo(alice));
        as(alice).queryParam("user_id", alice).get(FILES).then().statusCode(200).body("total", equalTo(1));
        // An annotator is no admin here: labelling comments gives no access to others' files.
        upload(as(bob, Roles.ANNOTATOR), "x.txt", "annotator", "{\"user_id\":\"" + alice + "\",\"data_type\":\"document\"}")
                .then().statusCode(403);
        as(bob, Roles.ANNOTATOR).queryParam("user_id", alice).get(FILES).then().statusCode(403);

        // An admin may store a file for someone else; it is theirs, under their keys.
        upload(given(), "from-admin.txt", "given to bob", "{\"user_id\":\"" + bob + "\",\"data_type\":\"document\"}")
                .then().statusCode(201).body("owner_id", equalTo(bob))
                .body("object_key", containsString("files/" + bob + "/"));
        as(bob).get(FILES).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aLargeReUploadIsAnsweredFromTheLookUpWithoutANewObject() {
        // Above ingest.dedup-lookup-above (1M) the hash is looked up before the bytes are stored.
        String large = ("large and the same " + UUID.randomUUID() + "\n").repeat(40_000);
        Response first = upload(as(alice), "large.txt", large);
        first.then().statusCode(201);
        upload(as(alice), "large-again.txt", large).then().statusCode(200).body("id", equalTo(first.path("id")));
        assertEquals(1, objectsOf(alice).size());
    }

    @Test
    void theSameBytesAreDeduplicatedPerOwnerOnly() {
        String same = "the very same bytes " + UUID.randomUUID();
        Response first = upload(as(alice), "a.txt", same);
        first.then().statusCode(201).body("owner_id", equalTo(alice));
        String alices = first.path("id");

        Response other = upload(as(bob), "b.txt", same);
        other.then().statusCode(201).body("owner_id", equalTo(bob)).body("id", not(equalTo(alices)));
        String bobs = other.path("id");
        assertTrue(((String) other.path("object_key")).startsWith("files/" + bob + "/"), (String) other.path("object_key"));

        upload(as(alice), "again.txt", same).then().statusCode(200).body("id", equalTo(alices));
        upload(as(bob), "again.txt", same).then().statusCode(200).body("id", equalTo(bobs));
        assertEquals(1, objectsOf(alice).size());
        assertEquals(1, objectsOf(bob).size());

        // Deleting one owner's copy leaves the other's bytes alone.
        as(bob).delete(FILES + "/{id}", bobs).then().statusCode(204);
        as(alice).get(FILES + "/{id}/content", alices).then().statusCode(200).body(equalTo(same));
    }

    @Test
    void hopsToMetadataServiceCarryTheCallersIdentitySignedByIngest() {
        FakeMetadataResource.HOPS.clear();
        String id = upload(as(alice), "hop.txt", "whose hop").then().statusCode(201).extract().path("id");
        as(alice).get(FILES + "/{id}", id).then().statusCode(200);
        List<FakeIdentity> identities = FakeMetadataResource.HOPS.stream().map(FakeMetadataResource.Hop::identity)
                .distinct().toList();
        assertEquals(List.of(new FakeIdentity(alice, Roles.USER, "ingest-service")), identities,
                FakeMetadataResource.HOPS::toString);
        assertTrue(FakeMetadataResource.HOPS.stream().anyMatch(h -> h.request().equals("POST " + FILES)),
                FakeMetadataResource.HOPS::toString);
    }

    @Test
    void theReconcilerRunsWithTheServicesOwnIdentity() throws Exception {
        String kept = upload(as(alice), "kept.txt", "referenced").then().statusCode(201).extract().path("id");
        faults.arm(Point.AFTER_OBJECTS_WRITTEN);
        upload(as(alice), "orphan.txt", "never committed").then().statusCode(500);
        assertEquals(2, objectsOf(alice).size());

        FakeMetadataResource.HOPS.clear();
        // On a thread of its own, without a request, as the scheduler runs it.
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture.supplyAsync(() -> CrashRecoveryTest.reclaim(reconciler, config), thread).get();
        } finally {
            thread.shutdownNow();
        }
        List<FakeMetadataResource.Hop> checks = FakeMetadataResource.HOPS.stream()
                .filter(h -> h.request().equals("POST " + FILES + "/references")).toList();
        assertFalse(checks.isEmpty(), FakeMetadataResource.HOPS::toString);
        for (FakeMetadataResource.Hop check : checks) {
            assertEquals(new FakeIdentity("ingest-service", Roles.SERVICE, "ingest-service"), check.identity());
        }
        List<String> left = objectsOf(alice);
        assertEquals(1, left.size(), left::toString);
        assertTrue(left.get(0).endsWith("/" + kept), left::toString);
    }

    /** What bob (a user, and with every failure mode of the hop) gets for alice's file: 404 as for an unknown id. */
    private void refusedToOthers(String id) {
        notFound(as(bob).get(FILES + "/{id}", id));
        notFound(as(bob).get(FILES + "/{id}/content", id));
        notFound(as(bob).header("Range", "bytes=0-3").get(FILES + "/{id}/content", id));
        as(bob).head(FILES + "/{id}/content", id).then().statusCode(404);
        notFound(as(bob).get(FILES + "/{id}/text", id));
        notFound(as(bob).delete(FILES + "/{id}", id));
        notFound(as(bob, Roles.ANNOTATOR).get(FILES + "/{id}", id));
        assertTrue(FakeMetadataResource.ROWS.containsKey(id), "the refused delete left the row");
        as(alice).head(FILES + "/{id}/content", id).then().statusCode(200);
    }

    private static void notFound(Response response) {
        response.then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:not-found"));
    }

    private static ValidatableResponse unauthorized(Response response) {
        return response.then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"))
                .body("status", equalTo(401));
    }

    private static RequestSpecification as(String user) {
        return as(user, Roles.USER);
    }

    private static RequestSpecification as(String user, String role) {
        return TestIdentity.as(user, role);
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** An upload whose metadata names no owner: the caller's. */
    private static Response upload(RequestSpecification as, String name, String text) {
        return upload(as, name, text, "{\"data_type\":\"document\"}");
    }

    private static Response upload(RequestSpecification as, String name, String text, String metadata) {
        return as.multiPart("file", name, bytes(text)).multiPart("metadata", metadata).post(FILES);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> objectsOf(String user) {
        return IngestTestSupport.keys(s3, "files/" + user + "/");
    }
}
