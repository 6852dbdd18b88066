package ai.datasuite.gateway.config;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import ai.datasuite.gateway.support.FakeServicesResource;
import ai.datasuite.testsupport.DeploymentEnvironmentTestBase;

/** The environment keys docker-compose.yml and deploy/k8s/ give the gateway are keys it reads (checks in the base). */
@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class ComposeEnvironmentTest extends DeploymentEnvironmentTestBase {

    ComposeEnvironmentTest() {
        super("chat-gateway", "GATEWAY_UPSTREAMS_INGEST", "GATEWAY_UPSTREAM_INGEST");
    }
}
