package ai.datasuite.gateway.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Small limits to reach them in a test: a 1 MiB body limit, 3 requests per key (one more per hour), a 1 s response
 * timeout, a breaker that opens after 2 failures; inference-service is down (nothing listens at its address).
 */
public class TightLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("gateway.limits.max-body-size", "1M"),
                Map.entry("gateway.limits.rate.capacity", "3"),
                Map.entry("gateway.limits.rate.refill-tokens", "1"),
                Map.entry("gateway.limits.rate.refill-period", "1h"),
                Map.entry("gateway.proxy.response-timeout", "1s"),
                Map.entry("gateway.proxy.connect-retries", "1"),
                Map.entry("gateway.proxy.connect-retry-delay", "100ms"),
                Map.entry("gateway.proxy.breaker.failure-threshold", "2"),
                Map.entry("gateway.proxy.breaker.open-duration", "1m"),
                Map.entry("gateway.health.upstream-timeout", "1s"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeServicesResource.class, Map.of("down", "inference")));
    }
}
