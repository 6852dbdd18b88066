package ai.datasuite.ingest.config;

import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.S3ProxyResource;
import ai.datasuite.testsupport.DeploymentEnvironmentTestBase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The environment keys docker-compose.yml and deploy/k8s/ give this service are keys it reads (checks in the base). */
@QuarkusTest
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class ComposeEnvironmentTest extends DeploymentEnvironmentTestBase {

    ComposeEnvironmentTest() {
        super("ingest-service", "INGEST_MAX_FILE_SIZE", "INGEST_MAX_FILE_SIZ");
    }
}
