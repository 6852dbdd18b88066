package ai.datasuite.problem.remote;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Runs outside the fault-tolerance interceptor (lower priority value = outer) and turns its own failures (timeout,
 * open breaker) into {@link RemoteUnavailableException}, so callers and the REST layer see one 503 problem naming the
 * dependency. Doing it here rather than in a global mapper keeps other beans' fault-tolerance failures out of it.
 */
@RemoteCall
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class RemoteCallInterceptor {

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (FaultToleranceException e) {
            if (!(context.getTarget() instanceof RemoteCall.Dependency dependency)) {
                throw e;
            }
            String reason = e instanceof TimeoutException ? "no answer in time"
                    : e instanceof CircuitBreakerOpenException ? "recent calls failed; not calling it for a few seconds"
                    : e.getMessage();
            throw new RemoteUnavailableException(dependency, reason, 0, false, e);
        }
    }
}
