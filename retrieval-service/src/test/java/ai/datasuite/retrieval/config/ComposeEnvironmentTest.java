package ai.datasuite.retrieval.config;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import ai.datasuite.retrieval.support.DatasetsTestProfile;
import ai.datasuite.testsupport.DeploymentEnvironmentTestBase;

/** The environment keys docker-compose.yml and deploy/k8s/ give this service are keys it reads (checks in the base). */
@QuarkusTest
@TestProfile(DatasetsTestProfile.class)
class ComposeEnvironmentTest extends DeploymentEnvironmentTestBase {

    ComposeEnvironmentTest() {
        super("retrieval-service", "RETRIEVAL_VECTOR_STORE_QDRANT_HOST", "RETRIEVAL_VECTOR_STORE_QDRANT_HOSTNAME");
    }
}
