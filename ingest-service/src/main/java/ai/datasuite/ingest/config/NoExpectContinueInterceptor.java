package ai.datasuite.ingest.config;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Drops the SDK's {@code Expect: 100-continue} on uploads: S3Proxy (the embedded default) sometimes closed the
 * connection during that handshake under concurrent uploads ("Unexpected end of file from server"), and the body is
 * sent anyway one round trip sooner. Registered in application.properties.
 */
public class NoExpectContinueInterceptor implements ExecutionInterceptor {

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return context.httpRequest().toBuilder().removeHeader("Expect").build();
    }
}
