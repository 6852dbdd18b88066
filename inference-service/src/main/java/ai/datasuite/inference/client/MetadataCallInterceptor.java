package ai.datasuite.inference.client;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Runs outside the fault-tolerance interceptor (lower priority value = outer) and turns its own failures (timeout,
 * open breaker) into {@link MetadataUnavailableException}, so callers and the REST layer see one 503 problem. Doing it
 * here rather than in a global exception mapper keeps other fault-tolerant beans' failures out of this wording.
 */
@MetadataCall
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class MetadataCallInterceptor {

    private final String baseUrl;

    public MetadataCallInterceptor(@ConfigProperty(name = "quarkus.rest-client.metadata.url") String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (TimeoutException e) {
            throw new MetadataUnavailableException(baseUrl, "no answer in time", false, e);
        } catch (CircuitBreakerOpenException e) {
            throw new MetadataUnavailableException(baseUrl, "recent calls failed; not calling it for a few seconds",
                    false, e);
        } catch (FaultToleranceException e) {
            throw new MetadataUnavailableException(baseUrl, e.getMessage(), false, e);
        }
    }
}
