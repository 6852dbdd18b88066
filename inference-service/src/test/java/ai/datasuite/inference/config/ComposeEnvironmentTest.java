package ai.datasuite.inference.config;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import ai.datasuite.inference.support.CommentsTestProfile;
import ai.datasuite.testsupport.DeploymentEnvironmentTestBase;

/** The environment keys docker-compose.yml and deploy/k8s/ give this service are keys it reads (checks in the base). */
@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class ComposeEnvironmentTest extends DeploymentEnvironmentTestBase {

    ComposeEnvironmentTest() {
        super("inference-service", "SUITE_IDENTITY_PUBLIC_KEY", "SUITE_IDENTITY_PUBLIC_KEYS");
    }
}
