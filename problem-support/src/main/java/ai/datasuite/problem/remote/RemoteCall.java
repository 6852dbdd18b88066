package ai.datasuite.problem.remote;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Binds {@link RemoteCallInterceptor} to a client bean that implements {@link Dependency} (usually by extending
 * {@link RemoteDependency}): the fault-tolerance failures of its calls (timeout, open breaker) leave as that
 * dependency's 503 problem.
 * <p>
 * The client beans carry {@code @Timeout @Retry @CircuitBreaker} without numbers and take the numbers from
 * configuration ({@code quarkus.fault-tolerance."<class>".timeout.value}). Caveat, verified with SmallRye Fault
 * Tolerance: a per-method key ({@code quarkus.fault-tolerance."<class>/<method>".timeout.value}) is read only when
 * that method itself carries the annotation (a bare {@code @Timeout} on the method is enough); with the annotation
 * only on the class, the per-method key is silently ignored. Check effective values with a test.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RemoteCall {

    /** What a client bean tells the interceptor and {@link RemoteCalls} about the service it calls. */
    interface Dependency {

        /** The service's name as users know it, e.g. {@code metadata-service}. */
        String service();

        /** Where it is called, named in the 503 detail so an operator sees which address failed. */
        String baseUrl();

        /**
         * The problem type of "this dependency is unavailable". The default is {@code <service>-unavailable}; a
         * service that published another type before keeps it by overriding this.
         */
        default String unavailableSlug() {
            return service() + "-unavailable";
        }
    }
}
