package ai.datasuite.metadata.config;

import ai.datasuite.testsupport.DeploymentEnvironmentTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** The environment keys docker-compose.yml and deploy/k8s/ give this service are keys it reads (checks in the base). */
@QuarkusTest
class ComposeEnvironmentTest extends DeploymentEnvironmentTestBase {

    ComposeEnvironmentTest() {
        super("metadata-service", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_JDBC_UR");
    }
}
