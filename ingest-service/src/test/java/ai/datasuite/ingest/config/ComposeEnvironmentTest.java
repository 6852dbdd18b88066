package ai.datasuite.ingest.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.S3ProxyResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every environment key docker-compose.yml and the Kubernetes manifest give this service must be one it really reads. */
@QuarkusTest
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class ComposeEnvironmentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String SERVICE = "ingest-service";

    @Test
    void composeKeysAreKeysTheServiceReads() throws IOException {
        JsonNode environment = YAML.readTree(Path.of("..", "docker-compose.yml").toFile())
                .path("services").path(SERVICE).path("environment");
        List<String> keys = StreamSupport.stream(((Iterable<String>) environment::fieldNames).spliterator(), false).toList();
        assertReadable(keys, "docker-compose.yml");
    }

    @Test
    void kubernetesKeysAreKeysTheServiceReads() throws IOException {
        List<String> keys = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
                .readValues(Path.of("..", "deploy", "k8s", SERVICE + ".yaml").toFile())) {
            for (JsonNode document : documents.readAll()) {
                for (JsonNode container : document.path("spec").path("template").path("spec").path("containers")) {
                    container.path("env").forEach(variable -> keys.add(variable.path("name").asText()));
                }
            }
        }
        assertReadable(keys, "deploy/k8s/" + SERVICE + ".yaml");
    }

    private static void assertReadable(List<String> keys, String where) throws IOException {
        assertFalse(keys.isEmpty(), where + " gives " + SERVICE + " no environment");
        Set<String> readable = readableKeys();
        for (String key : keys) {
            assertTrue(readable.contains(key), SERVICE + " does not read " + key + " given in " + where);
        }
    }

    @Test
    void anUnknownKeyWouldBeCaught() throws IOException {
        Set<String> readable = readableKeys();
        assertTrue(readable.contains("INGEST_MAX_FILE_SIZE"));
        assertFalse(readable.contains("INGEST_MAX_FILE_SIZ"));
    }

    /** Environment variable names of every property the service knows, and the variables it reads itself. */
    private static Set<String> readableKeys() throws IOException {
        Set<String> readable = new HashSet<>();
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            readable.add(name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        }
        readable.addAll(referencedVariables());
        return readable;
    }

    /** Variables application.properties reads itself, as in {@code ${LOG_JSON:false}}. */
    private static Set<String> referencedVariables() throws IOException {
        try (InputStream in = ComposeEnvironmentTest.class.getResourceAsStream("/application.properties")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> names = new HashSet<>();
            Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }
}
