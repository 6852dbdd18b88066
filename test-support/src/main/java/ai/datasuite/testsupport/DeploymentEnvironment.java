package ai.datasuite.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The environment keys the deployment files give a service, and the check that the service really reads each one.
 * Called from a test running inside the service (a {@code @QuarkusTest}), so that its configuration is the live one.
 */
public final class DeploymentEnvironment {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = Path.of("..");

    private DeploymentEnvironment() {
    }

    /** The keys of {@code services.<service>.environment} in docker-compose.yml. */
    public static List<String> composeKeys(String service) {
        try {
            JsonNode environment = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile())
                    .path("services").path(service).path("environment");
            List<String> keys = new ArrayList<>();
            environment.fieldNames().forEachRemaining(keys::add);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The env names of every container in deploy/k8s/<service>.yaml. */
    public static List<String> kubernetesKeys(String service) {
        List<String> keys = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
                .readValues(ROOT.resolve("deploy").resolve("k8s").resolve(service + ".yaml").toFile())) {
            for (JsonNode document : documents.readAll()) {
                for (JsonNode container : document.path("spec").path("template").path("spec").path("containers")) {
                    container.path("env").forEach(variable -> keys.add(variable.path("name").asText()));
                }
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless every key is the environment name of a property the service knows, or a variable it reads. */
    public static void assertReadable(String service, List<String> keys, String where) {
        assertFalse(keys.isEmpty(), where + " gives " + service + " no environment");
        Set<String> readable = readableKeys();
        for (String key : keys) {
            assertTrue(readable.contains(key), service + " does not read " + key + " given in " + where);
        }
    }

    /** Environment variable names of every property the running service knows, and the variables it reads itself. */
    public static Set<String> readableKeys() {
        Set<String> readable = new HashSet<>();
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            readable.add(name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        }
        readable.addAll(referencedVariables());
        return readable;
    }

    /**
     * Variables the configuration files read themselves, as in {@code ${LOG_JSON:false}}: the service's
     * application.properties and the libraries' META-INF/microprofile-config.properties (identity-support reads
     * {@code SUITE_IDENTITY_PUBLIC_KEY} there).
     */
    private static Set<String> referencedVariables() {
        Set<String> names = new HashSet<>();
        try {
            List<URL> files = new ArrayList<>();
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            files.addAll(Collections.list(loader.getResources("application.properties")));
            files.addAll(Collections.list(loader.getResources("META-INF/microprofile-config.properties")));
            Pattern reference = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
            for (URL file : files) {
                try (InputStream in = file.openStream()) {
                    Matcher m = reference.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
