package ai.datasuite.problem.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A dependency nobody listens for: the request never arrived, which is what makes a non-idempotent retry safe. */
@QuarkusTest
@TestProfile(RefusedConnectionTest.Nobody.class)
class RefusedConnectionTest {

    public static class Nobody implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.fake.url", "http://127.0.0.1:" + freePort());
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    FakeRemoteClient client;

    @Test
    void refusedIsNeverReached() {
        RemoteNotReachedException e = assertThrows(RemoteNotReachedException.class, () -> client.get(200));
        assertTrue(e.neverReached());
        assertTrue(e.definitelyNotApplied());
        assertEquals(503, e.status());
        assertTrue(e.detail().contains("connection refused"), e.detail());
    }
}
