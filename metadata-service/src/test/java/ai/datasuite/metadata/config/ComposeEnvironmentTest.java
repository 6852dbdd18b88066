package ai.datasuite.metadata.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/** Every environment key docker-compose.yml gives this service must be one the service really reads. */
@QuarkusTest
class ComposeEnvironmentTest {

    private static final String SERVICE = "metadata-service";

    @Test
    void composeKeysAreKeysTheServiceReads() throws IOException {
        JsonNode environment = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("..", "docker-compose.yml").toFile())
                .path("services").path(SERVICE).path("environment");
        assertFalse(environment.isMissingNode() || environment.isEmpty(), "compose gives " + SERVICE + " no environment");

        Set<String> readable = new HashSet<>();
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            readable.add(name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        }
        readable.addAll(referencedVariables());

        List<String> keys = StreamSupport.stream(((Iterable<String>) environment::fieldNames).spliterator(), false).toList();
        for (String key : keys) {
            assertTrue(readable.contains(key), SERVICE + " does not read " + key + " given in docker-compose.yml");
        }
    }

    @Test
    void anUnknownKeyWouldBeCaught() {
        Set<String> readable = new HashSet<>();
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            readable.add(name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        }
        assertTrue(readable.contains("QUARKUS_DATASOURCE_JDBC_URL"));
        assertFalse(readable.contains("QUARKUS_DATASOURCE_JDBC_UR"));
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
