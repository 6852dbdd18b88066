package ai.datasuite.retrieval.config;

import static ai.datasuite.testsupport.DeploymentEnvironment.assertReadable;
import static ai.datasuite.testsupport.DeploymentEnvironment.composeKeys;
import static ai.datasuite.testsupport.DeploymentEnvironment.kubernetesKeys;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import ai.datasuite.retrieval.support.DatasetsTestProfile;
import ai.datasuite.testsupport.DeploymentEnvironment;

/** Every environment key docker-compose.yml and the Kubernetes manifest give this service must be one it really reads. */
@QuarkusTest
@TestProfile(DatasetsTestProfile.class)
class ComposeEnvironmentTest {

    private static final String SERVICE = "retrieval-service";

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
        assertTrue(readable.contains("RETRIEVAL_VECTOR_STORE_QDRANT_HOST"));
        assertFalse(readable.contains("RETRIEVAL_VECTOR_STORE_QDRANT_HOSTNAME"));
    }
}
