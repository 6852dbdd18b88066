package ai.datasuite.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.datasuite.identity.Roles;
import ai.datasuite.ingest.analysis.TestArchives;
import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.S3ProxyResource;
import ai.datasuite.testsupport.identity.DefaultTestIdentity;
import ai.datasuite.testsupport.identity.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import software.amazon.awssdk.services.s3.S3Client;

@QuarkusTest
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class FileResourceTest {

    @Inject
    S3Client s3;

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void metadataUp() {
        FakeMetadataResource.DOWN.set(false);
        breakers.resetAll();
    }

    @Test
    void uploadStoresObjectTextAndRecord() {
        String user = user();
        byte[] bytes = "Hello from the suite.\nSecond line.\n".getBytes(StandardCharsets.UTF_8);
        Response created = upload(user, "notes.txt", bytes, "{\"user_id\":\"" + user + "\",\"data_type\":\"document\",\"tags\":[\"a\",\"b\"]}");
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/files/"))
                .body("owner_id", equalTo(user))
                .body("original_name", equalTo("notes.txt"))
                .body("size_bytes", equalTo(bytes.length))
                .body("sha256", equalTo(IngestTestSupport.sha256(bytes)))
                .body("media_type", equalTo("text/plain"))
                .body("tags", hasItem("b"))
                .body("text_length", equalTo(bytes.length));
        String id = created.path("id");
        String key = created.path("object_key");
        assertTrue(key.startsWith("files/" + user + "/" + IngestTestSupport.sha256(bytes) + "/"), key);

        given().get("/api/v1/files/{id}", id).then().statusCode(200).body("id", equalTo(id));
        byte[] content = given().get("/api/v1/files/{id}/content", id).then().statusCode(200)
                .header("Accept-Ranges", "bytes").extract().asByteArray();
        assertArrayEquals(bytes, content);
        given().get("/api/v1/files/{id}/text", id).then().statusCode(200).body(containsString("Second line."));
        given().queryParam("user_id", user).get("/api/v1/files").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void utf8TextIsItsOwnTextWhileOtherTypesGetATextObject() {
        String user = user();
        Response plain = upload(user, "plain.txt", "just text, in UTF-8: été\n".getBytes(StandardCharsets.UTF_8), meta(user));
        plain.then().statusCode(201);
        assertEquals((String) plain.path("object_key"), plain.path("text_key"));
        given().get("/api/v1/files/{id}/text", (String) plain.path("id")).then().statusCode(200)
                .body(containsString("été"));

        Response html = upload(user, "page.html", "<html><body><h1>Title</h1><p>Body text</p></body></html>"
                .getBytes(StandardCharsets.UTF_8), meta(user));
        html.then().statusCode(201).body("media_type", equalTo("text/html"));
        assertTrue(((String) html.path("text_key")).startsWith("text/" + user + "/"));
        given().get("/api/v1/files/{id}/text", (String) html.path("id")).then().statusCode(200)
                .body(containsString("Body text"), not(containsString("<p>")));
        assertEquals(1, textsOf(user).size());

        given().delete("/api/v1/files/{id}", (String) plain.path("id")).then().statusCode(204);
        given().delete("/api/v1/files/{id}", (String) html.path("id")).then().statusCode(204);
        assertTrue(objectsOf(user).isEmpty());
        assertTrue(textsOf(user).isEmpty());
    }

    @Test
    void rangeRequestsReturnPartialContent() {
        String user = user();
        byte[] bytes = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        String id = upload(user, "r.txt", bytes, meta(user)).then().statusCode(201).extract().path("id");
        given().header("Range", "bytes=2-5").get("/api/v1/files/{id}/content", id).then().statusCode(206)
                .header("Content-Range", "bytes 2-5/16").body(equalTo("2345"));
        given().header("Range", "bytes=-3").get("/api/v1/files/{id}/content", id).then().statusCode(206)
                .body(equalTo("def"));
        given().header("Range", "bytes=10-5").get("/api/v1/files/{id}/content", id).then().statusCode(200)
                .body(equalTo("0123456789abcdef"));
        given().header("Range", "bytes=100-200").get("/api/v1/files/{id}/content", id).then().statusCode(416)
                .header("Content-Range", "bytes */16")
                .contentType("application/problem+json").body("type", equalTo("urn:ai-data-suite:problem:range-not-satisfiable"));
    }

    @Test
    void sameBytesForSameUserReturnExistingRecord() {
        String user = user();
        byte[] bytes = ("same bytes " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String first = upload(user, "a.txt", bytes, meta(user)).then().statusCode(201).extract().path("id");
        upload(user, "b.txt", bytes, meta(user)).then().statusCode(200).body("id", equalTo(first));
        String other = user();
        upload(other, "a.txt", bytes, meta(other)).then().statusCode(201).body("id", not(equalTo(first)));
    }

    @Test
    void largeFilesStreamAsMultipartUploads() {
        String user = user();
        byte[] bytes = new byte[13 * 1024 * 1024];
        new Random(7).ints(bytes.length, 'a', 'z' + 1).forEach(new java.util.function.IntConsumer() {
            int i;

            @Override
            public void accept(int c) {
                bytes[i++] = (byte) (i % 80 == 0 ? '\n' : c);
            }
        });
        Response created = upload(user, "big.txt", bytes, meta(user));
        created.then().statusCode(201).body("size_bytes", equalTo(bytes.length));
        byte[] back = given().get("/api/v1/files/{id}/content", (String) created.path("id")).then().statusCode(200)
                .extract().asByteArray();
        assertEquals(IngestTestSupport.sha256(bytes), IngestTestSupport.sha256(back));
    }

    @Test
    void declaredLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
        String user = user();
        String boundary = "b-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" + meta(user)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.txt\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 30 * 1024 * 1024 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/files"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Authorization", "Bearer " + TestIdentity.token(DefaultTestIdentity.ADMIN, Roles.ADMIN))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("urn:ai-data-suite:problem:payload-too-large"), response.body());
        assertTrue(response.body().contains("declares"), response.body());
    }

    @Test
    void unDeclaredLengthOverTheLimitIsRefusedOnceOnDisk() {
        String user = user();
        // RestAssured sends multipart bodies chunked, without a Content-Length.
        upload(user, "huge.txt", new byte[30 * 1024 * 1024], meta(user)).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:payload-too-large"))
                .body("max_bytes", equalTo(20 * 1024 * 1024))
                .body("detail", containsString("the file has"));
        assertEquals(0, objectsOf(user).size());
    }

    @Test
    void fileJustOverTheLimitIsRefusedOnceOnDisk() {
        String user = user();
        byte[] bytes = new byte[20 * 1024 * 1024 + 10];
        java.util.Arrays.fill(bytes, (byte) 'x');
        upload(user, "over.txt", bytes, meta(user)).then().statusCode(413)
                .body("type", equalTo("urn:ai-data-suite:problem:payload-too-large"))
                .body("detail", containsString("the file has"));
        assertEquals(0, objectsOf(user).size());
    }

    @Test
    void badInputGetsProblemJson() {
        String user = user();
        given().multiPart("metadata", meta(user)).post("/api/v1/files").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'file'"));
        given().multiPart("file", "x.txt", "hello".getBytes(StandardCharsets.UTF_8)).post("/api/v1/files").then()
                .statusCode(400).body("detail", containsString("'metadata'"));
        upload(user, "x.txt", "hello".getBytes(StandardCharsets.UTF_8), "{not json").then().statusCode(400)
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("title", equalTo("Malformed metadata"));
        upload(user, "x.txt", "hello".getBytes(StandardCharsets.UTF_8), "{\"user_id\":\"bad user!\"}").then()
                .statusCode(400).body("errors.field", hasItem("user_id"));
        given().multiPart("file", "a.txt", "one".getBytes(StandardCharsets.UTF_8))
                .multiPart("file", "b.txt", "two".getBytes(StandardCharsets.UTF_8))
                .multiPart("metadata", meta(user)).post("/api/v1/files").then().statusCode(400)
                .body("title", equalTo("One file per upload"));
        given().queryParam("size", 500).get("/api/v1/files").then().statusCode(400);
        given().queryParam("size", "ten").get("/api/v1/files").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("page", Integer.MAX_VALUE).queryParam("size", 200).get("/api/v1/files").then().statusCode(400);
        for (String dots : List.of(".", "..")) {
            upload(user, "x.txt", "hello".getBytes(StandardCharsets.UTF_8),
                    "{\"user_id\":\"" + dots + "\",\"data_type\":\"document\"}").then().statusCode(400)
                    .body("errors.field", hasItem("user_id"));
        }
        upload(user, "n".repeat(300) + ".txt", "hello".getBytes(StandardCharsets.UTF_8), meta(user)).then()
                .statusCode(400).body("title", equalTo("File name too long"));
        given().contentType("application/json").body("{}").post("/api/v1/files").then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("multipart/form-data"));
        given().contentType("application/json").body("{}").put("/api/v1/files/{id}", UUID.randomUUID().toString())
                .then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:method-not-allowed"));
    }

    @Test
    void filesItCannotTakeGetTheirOwnProblemAndLeaveNothing() {
        String user = user();
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        upload(user, "blob.bin", noise, meta(user)).then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:unsupported-media-type"))
                .body("title", equalTo("Unsupported file type"))
                .body("detail", containsString("upload one of"));
        upload(user, "deep.zip", TestArchives.nested(4), meta(user)).then().statusCode(413)
                .body("type", equalTo("urn:ai-data-suite:problem:archive-limit-exceeded"))
                .body("detail", containsString("max nesting depth 3"));
        upload(user, "broken.pdf", "%PDF-1.7\n%not really a pdf".getBytes(StandardCharsets.UTF_8), meta(user)).then()
                .statusCode(400).body("type", equalTo("urn:ai-data-suite:problem:malformed-file"));
        assertTrue(objectsOf(user).isEmpty());
        assertTrue(textsOf(user).isEmpty());
    }

    @Test
    void unknownIdsAre404() {
        String id = UUID.randomUUID().toString();
        for (String path : List.of("/api/v1/files/{id}", "/api/v1/files/{id}/content", "/api/v1/files/{id}/text")) {
            given().get(path, id).then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:ai-data-suite:problem:not-found"));
        }
        given().delete("/api/v1/files/{id}", id).then().statusCode(404);
    }

    @Test
    void deleteRemovesRowAndObjects() {
        String user = user();
        String id = upload(user, "d.txt", "to delete".getBytes(StandardCharsets.UTF_8), meta(user))
                .then().statusCode(201).extract().path("id");
        assertEquals(1, objectsOf(user).size());
        assertEquals(0, textsOf(user).size(), "plain UTF-8 text is its own text");
        given().delete("/api/v1/files/{id}", id).then().statusCode(204);
        given().get("/api/v1/files/{id}", id).then().statusCode(404);
        assertEquals(0, objectsOf(user).size());
        assertEquals(0, textsOf(user).size());
    }

    @Test
    void metadataDownFailsWith503AndLeavesNothingBehind() {
        String user = user();
        FakeMetadataResource.DOWN.set(true);
        upload(user, "m.txt", "metadata is down".getBytes(StandardCharsets.UTF_8), meta(user)).then()
                .statusCode(503).header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:dependency-unavailable"));
        assertTrue(objectsOf(user).isEmpty());
        assertTrue(textsOf(user).isEmpty());
        assertFalse(FakeMetadataResource.ROWS.values().stream().anyMatch(r -> user.equals(r.get("owner_id"))));
    }

    static Response upload(String user, String name, byte[] bytes, String metadata) {
        return given().multiPart("file", name, bytes).multiPart("metadata", metadata).post("/api/v1/files");
    }

    static String meta(String user) {
        return "{\"user_id\":\"" + user + "\",\"data_type\":\"document\"}";
    }

    static String user() {
        return "u-" + UUID.randomUUID().toString().substring(0, 8);
    }

    List<String> objectsOf(String user) {
        return IngestTestSupport.keys(s3, "files/" + user + "/");
    }

    List<String> textsOf(String user) {
        return IngestTestSupport.keys(s3, "text/" + user + "/");
    }
}
