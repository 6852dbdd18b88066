package ai.datasuite.gateway.proxy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.FakeServicesResource;
import ai.datasuite.gateway.support.FakeUpstream;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.GeneratedBytes;
import ai.datasuite.gateway.support.InjectFakes;

/**
 * Large bodies pass both ways as streams: 256 MiB generated on the fly (never held by the test, the gateway or the
 * fake), uploaded chunked and with a Content-Length, and downloaded; the SHA-256 at the far end matches, and the far
 * end sees the first bytes before the near end has sent the last (nothing is buffered whole on the way).
 */
@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class StreamingTest {

    private static final long SIZE = 256L * 1024 * 1024;
    private static String expectedSha256;

    @InjectFakes
    FakeServices fakes;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void digestOfTheBody() {
        expectedSha256 = GeneratedBytes.sha256(SIZE);
    }

    private static URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + RestAssured.port + path);
    }

    @Test
    void aChunkedUploadStreamsThrough() throws Exception {
        AtomicLong lastByteRead = new AtomicLong();
        HttpRequest request = HttpRequest.newBuilder(gateway("/api/v1/files"))
                .header("X-Api-Key", Gateway.ADMIN_KEY).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> GeneratedBytes.stream(SIZE, () -> lastByteRead.set(System.nanoTime()))))
                .build();
        uploadAndCheck(request, lastByteRead, "chunked");
    }

    @Test
    void anUploadWithContentLengthStreamsThrough() throws Exception {
        AtomicLong lastByteRead = new AtomicLong();
        HttpRequest request = HttpRequest.newBuilder(gateway("/api/v1/files"))
                .header("X-Api-Key", Gateway.ADMIN_KEY).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> GeneratedBytes.stream(SIZE, () -> lastByteRead.set(System.nanoTime()))), SIZE))
                .build();
        uploadAndCheck(request, lastByteRead, String.valueOf(SIZE));
    }

    private void uploadAndCheck(HttpRequest request, AtomicLong lastByteRead, String framing) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonPath echo = JsonPath.from(answer.body());
        assertEquals(SIZE, echo.getLong("body_length"));
        assertEquals(expectedSha256, echo.getString("body_sha256"));
        if (!framing.equals("chunked")) {
            assertEquals(framing, echo.getString("headers.content-length"));
        }
        FakeUpstream.Seen seen = fakes.get(Upstream.INGEST).last("/api/v1/files");
        assertThat("ingest got its first bytes before the client had sent its last", seen.firstByteNanos(),
                lessThan(lastByteRead.get()));
    }

    @Test
    void aDownloadStreamsThrough() throws Exception {
        FakeUpstream ingest = fakes.get(Upstream.INGEST);
        HttpRequest request = HttpRequest.newBuilder(gateway("/api/v1/files/3f1c2a9e/content"))
                .header("X-Api-Key", Gateway.ADMIN_KEY).header("X-Fake-Download-Bytes", String.valueOf(SIZE))
                .GET().build();
        HttpResponse<InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, answer.statusCode());
        assertEquals(String.valueOf(SIZE), answer.headers().firstValue("Content-Length").orElseThrow());
        MessageDigest digest = GeneratedBytes.sha256();
        long received = 0;
        long firstByte = 0;
        try (InputStream body = answer.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                if (firstByte == 0 && n > 0) {
                    firstByte = System.nanoTime();
                }
                digest.update(buffer, 0, n);
                received += n;
            }
        }
        assertEquals(SIZE, received);
        assertEquals(expectedSha256, HexFormat.of().formatHex(digest.digest()));
        assertThat("the client got its first bytes before ingest had written its last", firstByte,
                lessThan(ingest.downloadWrittenNanos));
    }
}
