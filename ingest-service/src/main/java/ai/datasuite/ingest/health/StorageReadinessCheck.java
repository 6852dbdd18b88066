package ai.datasuite.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import ai.datasuite.ingest.storage.StorageService;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * Ready only when the bucket answers. The answer is public (no identity needed), so a failure says only what is
 * wrong in the operator's terms; the S3 client's message (endpoint, host, port, exception) goes to the log.
 */
@Readiness
@ApplicationScoped
public class StorageReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(StorageReadinessCheck.class);

    private final StorageService storage;

    public StorageReadinessCheck(StorageService storage) {
        this.storage = storage;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            storage.ping();
            return HealthCheckResponse.named("s3").up().withData("bucket", storage.bucket()).build();
        } catch (RuntimeException e) {
            LOG.warnf("readiness: bucket %s does not answer: %s", storage.bucket(), e.toString());
            return HealthCheckResponse.named("s3").down().withData("bucket", storage.bucket())
                    .withData("error", e instanceof NoSuchBucketException ? "the bucket does not exist"
                            : "object storage unreachable").build();
        }
    }
}
