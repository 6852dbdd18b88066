package ai.datasuite.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.MinioResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.s3.S3Client;

/** The same flows against a real MinIO; runs where Docker exists and is reported as skipped elsewhere. */
@QuarkusTest
@Testcontainers(disabledWithoutDocker = true)
@WithTestResource(MinioResource.class)
@WithTestResource(FakeMetadataResource.class)
class MinioStorageTest {

    @Inject
    S3Client s3;

    @Test
    void uploadReadRangeAndDeleteOnMinio() {
        String user = FileResourceTest.user();
        byte[] bytes = "stored on MinIO".getBytes(StandardCharsets.UTF_8);
        String id = FileResourceTest.upload(user, "m.txt", bytes, FileResourceTest.meta(user)).then().statusCode(201)
                .extract().path("id");
        given().header("Range", "bytes=10-14").get("/api/v1/files/{id}/content", id).then().statusCode(206)
                .body(equalTo("MinIO"));
        given().delete("/api/v1/files/{id}", id).then().statusCode(204);
        assertTrue(IngestTestSupport.keys(s3, "files/" + user + "/").isEmpty());
    }

    @Test
    void multipartUploadOnMinio() {
        String user = FileResourceTest.user();
        byte[] bytes = new byte[12 * 1024 * 1024];
        Arrays.fill(bytes, (byte) 'm');
        String id = FileResourceTest.upload(user, "big.txt", bytes, FileResourceTest.meta(user)).then().statusCode(201)
                .extract().path("id");
        byte[] back = given().get("/api/v1/files/{id}/content", id).then().statusCode(200).extract().asByteArray();
        assertEquals(IngestTestSupport.sha256(bytes), IngestTestSupport.sha256(back));
    }
}
