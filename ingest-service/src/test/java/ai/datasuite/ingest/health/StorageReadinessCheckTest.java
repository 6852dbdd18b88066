package ai.datasuite.ingest.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With S3 unreachable, the public readiness answer says so in plain words: no endpoint, port or exception text. */
@QuarkusTest
@TestProfile(StorageReadinessCheckTest.StorageDown.class)
class StorageReadinessCheckTest {

    static final int CLOSED_PORT = closedPort();

    public static class StorageDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.s3.endpoint-override", "http://127.0.0.1:" + CLOSED_PORT,
                    "quarkus.s3.sync-client.connection-timeout", "1S");
        }
    }

    @Test
    void readinessSaysStorageIsUnreachableWithoutItsErrorText() {
        String body = given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.name", hasItem("s3"))
                .body("checks.find { it.name == 's3' }.data.error", equalTo("object storage unreachable"))
                .extract().asString();
        assertFalse(body.contains(String.valueOf(CLOSED_PORT)), body);
        assertFalse(body.contains("127.0.0.1"), body);
        assertFalse(body.toLowerCase().contains("exception"), body);
        assertFalse(body.contains("Unable to execute"), body);
    }

    /** A local port nothing listens on (taken, then released). */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
