package ai.datasuite.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.datasuite.ingest.analysis.TestMedia;
import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.S3ProxyResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import software.amazon.awssdk.services.s3.S3Client;

/** Issue 11: TIFF, WAV and MP3 are stored like images, with their facts in details and a fact line as text. */
@QuarkusTest
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class MediaUploadTest {

    @Inject
    S3Client s3;

    @Test
    void tiffIsStoredWithSizeTagsAndFactLine() {
        String user = FileResourceTest.user();
        byte[] bytes = TestMedia.tiff(64, 48, "SuiteScanner 2.1");
        Response created = FileResourceTest.upload(user, "scan.tiff", bytes, meta(user, "image"));
        created.then().statusCode(201)
                .body("media_type", equalTo("image/tiff"))
                .body("extension_mismatch", equalTo(false))
                .body("size_bytes", equalTo(bytes.length))
                .body("details.width", equalTo(64))
                .body("details.height", equalTo(48))
                .body("details.exif.software", equalTo("SuiteScanner 2.1"))
                .body("text_key", notNullValue());
        String id = created.path("id");
        given().get("/api/v1/files/{id}/text", id).then().statusCode(200)
                .body(equalTo("scan.tiff: image/tiff, 64 x 48 px, software SuiteScanner 2.1\n"));
        byte[] back = given().get("/api/v1/files/{id}/content", id).then().statusCode(200).extract().asByteArray();
        assertEquals(bytes.length, back.length);
        assertEquals(1, IngestTestSupport.keys(s3, "text/" + user + "/").size(), "the fact line is its own object");
    }

    @Test
    void wavIsStoredWithItsFacts() {
        String user = FileResourceTest.user();
        Response created = FileResourceTest.upload(user, "sound.wav", TestMedia.wav(16000f, 16, 1, 2.0),
                meta(user, "audio"));
        created.then().statusCode(201)
                .body("media_type", equalTo("audio/vnd.wave"))
                .body("details.duration_seconds", equalTo(2.0f))
                .body("details.sample_rate", equalTo(16000))
                .body("details.channels", equalTo(1))
                .body("details.bits_per_sample", equalTo(16));
        given().get("/api/v1/files/{id}/text", (String) created.path("id")).then().statusCode(200)
                .body(equalTo("sound.wav: audio/vnd.wave, 2.0 s, 16000 Hz, 1 channel, 16 bit\n"));
    }

    @Test
    void mp3IsStoredWithItsFactsAndId3Tags() {
        String user = FileResourceTest.user();
        Response created = FileResourceTest.upload(user, "song.mp3",
                TestMedia.mp3(40, "Quiet Song", "The Testers", "Silence"), meta(user, "audio"));
        created.then().statusCode(201)
                .body("media_type", equalTo("audio/mpeg"))
                .body("details.duration_seconds", equalTo(1.045f)) // 40 frames x 1152 samples / 44100 Hz
                .body("details.sample_rate", equalTo(44100))
                .body("details.channels", equalTo(1))
                .body("details.id3.title", equalTo("Quiet Song"))
                .body("details.id3.artist", equalTo("The Testers"))
                .body("details.id3.album", equalTo("Silence"));
        given().get("/api/v1/files/{id}/text", (String) created.path("id")).then().statusCode(200)
                .body(containsString("song.mp3: audio/mpeg, 1.0 s, 44100 Hz, 1 channel, title Quiet Song"));
    }

    @Test
    void unknownTypesAreStill415AndLeaveNothing() {
        String user = FileResourceTest.user();
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        FileResourceTest.upload(user, "noise.wav", noise, meta(user, "audio")).then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:unsupported-media-type"))
                .body("detail", containsString("TIFF, WAV, MP3"));
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'};
        FileResourceTest.upload(user, "anim.gif", gif, meta(user, "image")).then().statusCode(415)
                .body("detail", containsString("image/gif"));
        assertTrue(IngestTestSupport.keys(s3, "files/" + user + "/").isEmpty());
        assertTrue(IngestTestSupport.keys(s3, "text/" + user + "/").isEmpty());
    }

    private static String meta(String user, String dataType) {
        return "{\"user_id\":\"" + user + "\",\"data_type\":\"" + dataType + "\"}";
    }
}
