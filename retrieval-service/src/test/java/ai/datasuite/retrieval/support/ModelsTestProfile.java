package ai.datasuite.retrieval.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Model endpoints over the shared SQuAD data ({@link SquadDatasetSource}), in a fresh data folder per start. */
public class ModelsTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Files.createDirectories(Path.of("target"));
            Path data = Files.createTempDirectory(Path.of("target"), "models-");
            return Map.of("suite.data-dir", data.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(SquadDatasetSource.class);
    }
}
