package ai.datasuite.ingest.support;

import java.util.Map;

import org.testcontainers.containers.MinIOContainer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real MinIO in a container, for the tests that prove ingest works unchanged against it (needs Docker). */
public class MinioResource implements QuarkusTestResourceLifecycleManager {

    private MinIOContainer minio;

    @Override
    public Map<String, String> start() {
        minio = new MinIOContainer("minio/minio:RELEASE.2024-12-18T13-15-44Z");
        minio.start();
        return Map.of(
                "quarkus.s3.endpoint-override", minio.getS3URL(),
                "quarkus.s3.aws.credentials.static-provider.access-key-id", minio.getUserName(),
                "quarkus.s3.aws.credentials.static-provider.secret-access-key", minio.getPassword());
    }

    @Override
    public void stop() {
        if (minio != null) {
            minio.stop();
        }
    }
}
