package ai.datasuite.ingest.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;

import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.S3ProxyResource;
import ai.datasuite.problem.remote.RemoteRejectedException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.FaultToleranceOperationProvider;
import io.smallrye.faulttolerance.config.FaultToleranceOperation;

/**
 * The numbers of MetadataClient's fault tolerance live in application.properties; these are the effective values
 * fault tolerance applies, the same as when they were written on each method.
 */
@QuarkusTest
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class MetadataClientFaultToleranceTest {

    private static final Map<String, Duration> TIMEOUTS = Map.of(
            "create", Duration.ofSeconds(10),
            "get", Duration.ofSeconds(5),
            "list", Duration.ofSeconds(5),
            "delete", Duration.ofSeconds(5),
            "referenced", Duration.ofSeconds(10));

    @Inject
    FaultToleranceOperationProvider operations;

    @Test
    void everyCallHasTodaysTimeoutRetryAndBreaker() {
        assertEquals(TIMEOUTS.keySet().stream().sorted().toList(), calls().stream().map(Method::getName).sorted().toList(),
                "every call of metadata-service is listed here");
        for (Method method : calls()) {
            FaultToleranceOperation operation = operations.get(MetadataClient.class, method);
            String name = method.getName();

            Timeout timeout = operation.getTimeout();
            assertEquals(TIMEOUTS.get(name), Duration.of(timeout.value(), timeout.unit()), name + " timeout");

            Retry retry = operation.getRetry();
            assertEquals(2, retry.maxRetries(), name + " retries");
            assertEquals(Duration.ofMillis(200), Duration.of(retry.delay(), retry.delayUnit()), name + " retry delay");
            assertEquals(Duration.ofMillis(100), Duration.of(retry.jitter(), retry.jitterDelayUnit()), name + " jitter");
            assertArrayEquals(new Class<?>[] {RemoteRejectedException.class}, retry.abortOn(), name + " abortOn");

            CircuitBreaker breaker = operation.getCircuitBreaker();
            assertEquals(10, breaker.requestVolumeThreshold(), name + " breaker volume");
            assertEquals(0.5, breaker.failureRatio(), name + " breaker ratio");
            assertEquals(Duration.ofSeconds(5), Duration.of(breaker.delay(), breaker.delayUnit()), name + " breaker delay");
            assertArrayEquals(new Class<?>[] {RemoteRejectedException.class}, breaker.skipOn(), name + " skipOn");
        }
    }

    private static List<Method> calls() {
        List<String> dependency = List.of("service", "baseUrl", "unavailableSlug");
        return Arrays.stream(MetadataClient.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !dependency.contains(m.getName()))
                .toList();
    }
}
