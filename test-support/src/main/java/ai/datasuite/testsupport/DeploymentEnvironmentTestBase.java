package ai.datasuite.testsupport;

import static ai.datasuite.testsupport.DeploymentEnvironment.assertReadable;
import static ai.datasuite.testsupport.DeploymentEnvironment.composeKeys;
import static ai.datasuite.testsupport.DeploymentEnvironment.kubernetesKeys;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Every environment key docker-compose.yml and the Kubernetes manifest give a service must be one it really reads.
 * A service runs these tests through a small subclass that carries its own {@code @QuarkusTest} and test resources or
 * profile (so that the live configuration is the one its other tests start with) and names the service, one key it
 * reads, and a misspelling of a key that must not pass:
 *
 * <pre>{@code
 * @QuarkusTest
 * class ComposeEnvironmentTest extends DeploymentEnvironmentTestBase {
 *     ComposeEnvironmentTest() {
 *         super("metadata-service", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_JDBC_UR");
 *     }
 * }
 * }</pre>
 */
public abstract class DeploymentEnvironmentTestBase {

    private final String service;
    private final String readableKey;
    private final String misspeltKey;

    /**
     * @param service     the service's name in docker-compose.yml and deploy/k8s/
     * @param readableKey an environment key the service reads (proves the check sees its configuration)
     * @param misspeltKey a near miss of a key the service reads (proves the check would catch a typo)
     */
    protected DeploymentEnvironmentTestBase(String service, String readableKey, String misspeltKey) {
        this.service = service;
        this.readableKey = readableKey;
        this.misspeltKey = misspeltKey;
    }

    @Test
    public void composeKeysAreKeysTheServiceReads() {
        assertReadable(service, composeKeys(service), "docker-compose.yml");
    }

    @Test
    public void kubernetesKeysAreKeysTheServiceReads() {
        assertReadable(service, kubernetesKeys(service), "deploy/k8s/" + service + ".yaml");
    }

    @Test
    public void anUnknownKeyWouldBeCaught() {
        Set<String> readable = DeploymentEnvironment.readableKeys();
        assertTrue(readable.contains(readableKey));
        assertFalse(readable.contains(misspeltKey));
    }
}
