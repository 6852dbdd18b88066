package ai.datasuite.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import ai.datasuite.ingest.storage.StorageService;

/** Ready only when the bucket answers. */
@Readiness
@ApplicationScoped
public class StorageReadinessCheck implements HealthCheck {

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
            return HealthCheckResponse.named("s3").down().withData("bucket", storage.bucket())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
