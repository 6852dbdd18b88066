package ai.datasuite.ingest.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** S3Proxy in process, on a local folder and a free port: the same store `./suite start` runs as a process. */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    static final String ACCESS_KEY = "test-access";
    static final String SECRET_KEY = "test-secret";

    private S3Proxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("s3proxy-test");
            proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(dir.toString()))
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.onSpinWait();
            }
            return Map.of(
                    "quarkus.s3.endpoint-override", "http://127.0.0.1:" + proxy.getPort(),
                    "quarkus.s3.aws.credentials.static-provider.access-key-id", ACCESS_KEY,
                    "quarkus.s3.aws.credentials.static-provider.secret-access-key", SECRET_KEY);
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
    }

    @Override
    public void stop() {
        if (proxy != null) {
            try {
                proxy.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
