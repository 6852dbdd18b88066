package ai.datasuite.retrieval.client;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/** Binds {@link RemoteCallInterceptor}: fault-tolerance failures of a client call leave as our 503 problem. */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RemoteCall {

    /** What a client bean tells the interceptor about the dependency it calls. */
    interface Dependency {

        /** The service's name, e.g. {@code ingest-service}. */
        String service();

        String baseUrl();
    }
}
