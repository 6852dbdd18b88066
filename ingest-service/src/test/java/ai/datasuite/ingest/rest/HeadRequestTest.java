package ai.datasuite.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.S3ProxyResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * HEAD of a file's content or text must not open its S3 object: the implicit HEAD ran the GET and dropped the
 * stream unread, so every HEAD kept one of the S3 client's pooled connections until the next requests starved.
 */
@QuarkusTest
@TestProfile(ConstrainedPoolsProfile.class)
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class HeadRequestTest {

    private static final int HEADS = ConstrainedPoolsProfile.S3_CONNECTIONS * 3;

    @Test
    void manyHeadsLeaveTheConnectionPoolUsable() {
        String user = FileResourceTest.user();
        byte[] html = "<html><body><p>head me, many times</p></body></html>".getBytes(StandardCharsets.UTF_8);
        String id = FileResourceTest.upload(user, "h.html", html, FileResourceTest.meta(user)).then().statusCode(201)
                .extract().path("id");
        Response get = given().get("/api/v1/files/{id}/content", id);
        get.then().statusCode(200);
        String textLength = given().get("/api/v1/files/{id}/text", id).then().statusCode(200)
                .extract().header("Content-Length");

        for (int i = 0; i < HEADS; i++) {
            given().head("/api/v1/files/{id}/content", id).then().statusCode(200)
                    .header("Content-Length", String.valueOf(html.length))
                    .header("Content-Type", equalTo("text/html"))
                    .header("ETag", equalTo(get.header("ETag")))
                    .header("Last-Modified", equalTo(get.header("Last-Modified")))
                    .header("Accept-Ranges", "bytes");
            given().head("/api/v1/files/{id}/text", id).then().statusCode(200)
                    .header("Content-Length", textLength)
                    .header("ETag", notNullValue());
        }

        // With the connections leaked this waits for one in vain and answers 503 storage-unavailable.
        long started = System.nanoTime();
        byte[] body = given().get("/api/v1/files/{id}/content", id).then().statusCode(200).extract().asByteArray();
        assertArrayEquals(html, body);
        given().get("/api/v1/files/{id}/text", id).then().statusCode(200);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals(true, ms < 5_000, "the reads after the HEADs took " + ms + " ms");
    }

    @Test
    void headOfARangeAnswersLikeTheGet() {
        String user = FileResourceTest.user();
        byte[] bytes = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        String id = FileResourceTest.upload(user, "r.txt", bytes, FileResourceTest.meta(user)).then().statusCode(201)
                .extract().path("id");
        for (int i = 0; i < HEADS; i++) {
            given().header("Range", "bytes=2-5").head("/api/v1/files/{id}/content", id).then().statusCode(206)
                    .header("Content-Range", "bytes 2-5/16")
                    .header("Content-Length", "4");
        }
        given().header("Range", "bytes=100-200").head("/api/v1/files/{id}/content", id).then().statusCode(416);
        given().head("/api/v1/files/{id}/content", "no-such-file").then().statusCode(404);
        assertEquals("2345", given().header("Range", "bytes=2-5").get("/api/v1/files/{id}/content", id).then()
                .statusCode(206).extract().asString());
    }
}
