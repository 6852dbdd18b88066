package ai.datasuite.inference.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.FaultToleranceOperationProvider;
import io.smallrye.faulttolerance.config.FaultToleranceOperation;

import ai.datasuite.inference.support.CommentsTestProfile;
import ai.datasuite.problem.remote.RemoteNotReachedException;
import ai.datasuite.problem.remote.RemoteRejectedException;

/** The fault tolerance each metadata call gets from application.properties (the annotations carry no numbers). */
@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class MetadataClientFaultToleranceTest {

    private static final Map<String, Long> TIMEOUT_MILLIS = Map.of("create", 10_000L, "get", 5_000L, "list", 10_000L,
            "label", 5_000L, "claim", 10_000L, "results", 10_000L, "stats", 15_000L);

    @Inject
    FaultToleranceOperationProvider operations;

    @Test
    void everyCallHasItsTimeoutRetryAndBreaker() {
        for (var expected : TIMEOUT_MILLIS.entrySet()) {
            String name = expected.getKey();
            FaultToleranceOperation operation = operations.get(MetadataClient.class, method(name));
            Timeout timeout = operation.getTimeout();
            assertEquals(expected.getValue(), timeout.unit().getDuration().toMillis() * timeout.value(), name);

            Retry retry = operation.getRetry();
            assertEquals(2, retry.maxRetries(), name);
            assertEquals(200, retry.delayUnit().getDuration().toMillis() * retry.delay(), name);
            assertEquals(100, retry.jitterDelayUnit().getDuration().toMillis() * retry.jitter(), name);
            boolean idempotent = !name.equals("create") && !name.equals("claim") && !name.equals("results");
            if (idempotent) {
                assertArrayEquals(new Class<?>[] {RemoteRejectedException.class}, retry.abortOn(), name);
            } else {
                assertArrayEquals(new Class<?>[] {RemoteNotReachedException.class}, retry.retryOn(), name);
                assertEquals(0, retry.abortOn().length, name);
            }

            CircuitBreaker breaker = operation.getCircuitBreaker();
            assertEquals(10, breaker.requestVolumeThreshold(), name);
            assertEquals(0.5, breaker.failureRatio(), name);
            assertEquals(5_000, breaker.delayUnit().getDuration().toMillis() * breaker.delay(), name);
            assertArrayEquals(new Class<?>[] {RemoteRejectedException.class}, breaker.skipOn(), name);
        }
    }

    private static Method method(String name) {
        return Arrays.stream(MetadataClient.class.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }
}
