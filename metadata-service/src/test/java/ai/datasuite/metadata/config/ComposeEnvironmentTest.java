package ai.datasuite.metadata.config;

import static ai.datasuite.testsupport.DeploymentEnvironment.assertReadable;
import static ai.datasuite.testsupport.DeploymentEnvironment.composeKeys;
import static ai.datasuite.testsupport.DeploymentEnvironment.kubernetesKeys;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.datasuite.testsupport.DeploymentEnvironment;
import io.quarkus.test.junit.QuarkusTest;

/** Every environment key docker-compose.yml and the Kubernetes manifest give this service must be one it really reads. */
@QuarkusTest
class ComposeEnvironmentTest {

    private static final String SERVICE = "metadata-service";

    @Test
    void composeKeysAreKeysTheServiceReads() {
        assertReadable(SERVICE, composeKeys(SERVICE), "docker-compose.yml");
    }

    @Test
    void kubernetesKeysAreKeysTheServiceReads() {
        assertReadable(SERVICE, kubernetesKeys(SERVICE), "deploy/k8s/" + SERVICE + ".yaml");
    }

    @Test
    void anUnknownKeyWouldBeCaught() {
        Set<String> readable = DeploymentEnvironment.readableKeys();
        assertTrue(readable.contains("QUARKUS_DATASOURCE_JDBC_URL"));
        assertFalse(readable.contains("QUARKUS_DATASOURCE_JDBC_UR"));
    }
}
