package ai.datasuite.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The deployment files ship no known secret, pin every image, lock every Kubernetes container down, keep ingest's
 * temporary files on its sized volume, and the CI script never touches a database's root account. Reads the files
 * only (no jars, no Docker). {@code -Dsuite.root=<folder>} points it at another copy of the repository.
 */
class DeployDefaultsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = Path.of(System.getProperty("suite.root", ".."));
    private static final List<String> SERVICES =
            List.of("metadata-service", "ingest-service", "inference-service", "retrieval-service", "chat-gateway");
    private static final List<String> COMPOSE_FILES = List.of("docker-compose.yml", "deploy/compose.sqlserver.yml");
    /** Passwords and keys the deployment files used to fall back to. */
    private static final List<String> KNOWN_SECRETS =
            List.of("suite-root", "suite-secret", "suite-qdrant", "Suite-Passw0rd");
    /** Environment keys that carry a secret. */
    private static final Pattern SECRET_KEY = Pattern.compile(".*(PASSWORD|SECRET|_KEY|ROOT_USER).*");
    /** A secret must be required ({@code ${VAR:?what to do}}) or optional and empty ({@code ${VAR:-}}). */
    private static final Pattern REQUIRED_OR_EMPTY = Pattern.compile("\\$\\{[A-Z0-9_]+(:\\?[^}]+|:-)}");

    @Test
    void composeRequiresEverySecretAndFallsBackToNone() throws IOException {
        for (String file : COMPOSE_FILES) {
            String text = read(file);
            for (String known : KNOWN_SECRETS) {
                assertFalse(text.contains(known), file + " still carries the known secret " + known);
            }
            for (Map.Entry<String, JsonNode> service : fields(yaml(file).path("services"))) {
                for (Map.Entry<String, JsonNode> variable : fields(service.getValue().path("environment"))) {
                    if (SECRET_KEY.matcher(variable.getKey()).matches()) {
                        String value = variable.getValue().asText();
                        assertTrue(REQUIRED_OR_EMPTY.matcher(value).matches(), file + ": " + service.getKey() + "'s "
                                + variable.getKey() + " must be required (${VAR:?...}), not " + value);
                    }
                }
            }
        }
    }

    @Test
    void suiteSecretsWritesEveryVariableComposeRequires() throws IOException {
        String suite = read("suite");
        for (String known : KNOWN_SECRETS) {
            assertFalse(suite.contains(known), "./suite still falls back to " + known);
        }
        for (String file : COMPOSE_FILES) {
            Matcher required = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?").matcher(read(file));
            while (required.find()) {
                assertTrue(suite.contains("echo \"" + required.group(1) + "="),
                        "./suite secrets does not write " + required.group(1) + ", which " + file + " requires");
            }
        }
    }

    @Test
    void sqlServerOverlayRunsTheServiceWithItsOwnLoginAndDatabase() throws IOException {
        JsonNode services = yaml("deploy/compose.sqlserver.yml").path("services");
        JsonNode environment = services.path("metadata-service").path("environment");
        assertNotEquals("sa", environment.path("QUARKUS_DATASOURCE_USERNAME").asText().toLowerCase(),
                "metadata-service must not log in as sa");
        String url = environment.path("QUARKUS_DATASOURCE_JDBC_URL").asText().toLowerCase();
        assertFalse(url.contains("databasename=master"),
                "metadata-service must not use the master database");
        assertEquals("service_completed_successfully",
                services.path("metadata-service").path("depends_on").path("sqlserver-init").path("condition").asText(),
                "metadata-service must wait for the step that makes its login");
        String init = read("deploy/sqlserver/init-metadata.sql");
        assertTrue(init.contains("CREATE LOGIN") && init.contains("CREATE USER") && init.contains("CREATE DATABASE"));
        assertFalse(Pattern.compile("sysadmin|db_owner|CONTROL SERVER", Pattern.CASE_INSENSITIVE).matcher(init).find(),
                "the service's login gets no owner or server-wide role");
    }

    @Test
    void propertiesCarryNoSecretOutsideDevAndTest() throws IOException {
        Pattern secretProperty = Pattern.compile("^([a-z0-9.\"-]*(password|secret|api-key|access-key-id))=(.*)$");
        // A production value is empty, or an expression without a default, or with an empty one.
        Pattern noDefault = Pattern.compile("\\$\\{[A-Z0-9_]+:?}|");
        for (String service : SERVICES) {
            String file = service + "/src/main/resources/application.properties";
            for (String line : read(file).split("\n")) {
                Matcher m = secretProperty.matcher(line.strip());
                if (m.matches() && !m.group(3).isBlank()) {
                    assertTrue(noDefault.matcher(m.group(3).strip()).matches(),
                            file + " gives " + m.group(1) + " a production default: " + m.group(3));
                }
            }
        }
    }

    @Test
    void everyImageIsPinned() throws IOException {
        List<String> images = new ArrayList<>();
        for (String file : COMPOSE_FILES) {
            for (Map.Entry<String, JsonNode> service : fields(yaml(file).path("services"))) {
                if (service.getValue().has("image")) {
                    images.add(service.getValue().path("image").asText());
                }
            }
        }
        for (JsonNode pod : pods()) {
            containers(pod).forEach(container -> images.add(container.path("image").asText()));
        }
        for (String service : SERVICES) {
            for (String line : read(service + "/src/main/docker/Dockerfile.jvm").split("\n")) {
                if (line.startsWith("FROM ")) {
                    images.add(line.substring(5).strip().split("\\s+")[0]);
                }
            }
        }
        assertTrue(images.size() >= 15, "found only " + images);
        for (String image : images) {
            assertTrue(pinned(image), image + " is not pinned to a version");
        }
    }

    @Test
    void everyKubernetesContainerIsLockedDown() throws IOException {
        List<JsonNode> pods = pods();
        assertEquals(SERVICES.size(), pods.size(), "one Deployment per service");
        for (JsonNode pod : pods) {
            for (JsonNode container : containers(pod)) {
                String name = container.path("name").asText();
                JsonNode context = container.path("securityContext");
                assertTrue(context.path("runAsNonRoot").asBoolean(false), name + ": runAsNonRoot");
                assertTrue(context.path("runAsUser").asInt(0) > 0, name + ": runAsUser (not root)");
                assertTrue(context.path("readOnlyRootFilesystem").asBoolean(false), name + ": readOnlyRootFilesystem");
                assertTrue(context.has("allowPrivilegeEscalation")
                        && !context.path("allowPrivilegeEscalation").asBoolean(), name + ": allowPrivilegeEscalation");
                assertTrue(texts(context.path("capabilities").path("drop")).contains("ALL"), name + ": drop ALL");
                assertEquals("RuntimeDefault", context.path("seccompProfile").path("type").asText(),
                        name + ": seccomp");
                // A read-only root filesystem needs a writable /tmp (the JVM's temporary files).
                String tmp = volumeAt(container, "/tmp");
                assertTrue(tmp != null && volume(pod, tmp) != null, name + " has no volume on /tmp");
            }
        }
    }

    @Test
    void ingestTemporaryFilesAreOnItsSizedVolume() throws IOException {
        JsonNode pod = pods().stream()
                .filter(p -> containers(p).stream().anyMatch(c -> "ingest-service".equals(c.path("name").asText())))
                .findFirst().orElseThrow();
        JsonNode container = containers(pod).get(0);
        String tmp = volumeAt(container, "/tmp");
        assertEquals(volumeAt(container, "/deployments/data"), tmp,
                "ingest's /tmp (java.io.tmpdir: archive entries) must be on its data volume, beside the upload spool");
        JsonNode volume = volume(pod, tmp);
        assertTrue(volume != null && (volume.path("emptyDir").has("sizeLimit") || volume.has("persistentVolumeClaim")),
                "ingest's data volume must be sized");

        JsonNode compose = yaml("docker-compose.yml");
        JsonNode ingest = compose.path("services").path("ingest-service");
        String tmpVolume = null;
        for (JsonNode mount : ingest.path("volumes")) {
            String[] parts = mount.asText().split(":");
            if (parts.length >= 2 && parts[1].equals("/tmp")) {
                tmpVolume = parts[0];
            }
        }
        assertTrue(tmpVolume != null && compose.path("volumes").has(tmpVolume),
                "compose: ingest's /tmp must be a named volume, not the container's layer");
        assertTrue(ingest.path("environment").path("INGEST_SPOOL_DIR").asText().startsWith("/tmp/"),
                "compose: the upload spool must be on the same volume");
    }

    @Test
    void ciNeverChangesTheDatabaseRootAccount() throws IOException {
        String ci = read(".ci/run");
        Pattern touchesRoot = Pattern.compile("(ALTER\\s+USER|SET\\s+PASSWORD\\s+FOR|RENAME\\s+USER|DROP\\s+USER)"
                + "\\s+['`\"]?root\\b|UPDATE\\s+mysql\\.user", Pattern.CASE_INSENSITIVE);
        Matcher m = touchesRoot.matcher(ci);
        if (m.find()) {
            fail(".ci/run changes the root account: " + m.group());
        }
        Matcher user = Pattern.compile("<test\\.mariadb\\.username>([^<]*)<").matcher(read("pom.xml"));
        assertTrue(user.find());
        assertNotEquals("root", user.group(1), "the MariaDB tests connect as the dedicated test user, not root");
        assertTrue(ci.contains("TEST_USER=" + user.group(1)), ".ci/run makes the user the pom connects as");
    }

    private static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        String name = image.substring(image.lastIndexOf('/') + 1);
        int colon = name.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String tag = name.substring(colon + 1);
        return !tag.equals("latest") && !tag.endsWith("-latest") && tag.matches(".*\\d.*");
    }

    /** The pod templates of every Deployment in deploy/k8s. */
    private static List<JsonNode> pods() throws IOException {
        List<JsonNode> pods = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    for (JsonNode document : documents.readAll()) {
                        JsonNode pod = document.path("spec").path("template").path("spec");
                        if (pod.has("containers")) {
                            pods.add(pod);
                        }
                    }
                }
            }
        }
        return pods;
    }

    private static List<JsonNode> containers(JsonNode pod) {
        List<JsonNode> all = new ArrayList<>();
        pod.path("initContainers").forEach(all::add);
        pod.path("containers").forEach(all::add);
        return all;
    }

    private static String volumeAt(JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (path.equals(mount.path("mountPath").asText())) {
                return mount.path("name").asText();
            }
        }
        return null;
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (name.equals(volume.path("name").asText())) {
                return volume;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        return fields;
    }

    private static JsonNode yaml(String file) throws IOException {
        return YAML.readTree(ROOT.resolve(file).toFile());
    }

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }
}
