package ai.datasuite.testsupport.openapi;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the committed contracts live: {@code contracts/<service>.openapi.json} at the repository's root. */
final class ContractFiles {

    static final String FOLDER = "contracts";

    private ContractFiles() {
    }

    /** The contract file of a service, seen from a module folder (tests run there) or from the root. */
    static Path path(String service) {
        return folder().resolve(service + ".openapi.json");
    }

    /** Like {@link #path}, but the file must exist. */
    static Path locate(String service) {
        Path file = path(service);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No committed contract " + file.toAbsolutePath().normalize()
                    + "; write it with " + ProviderContract.refreshCommand(service));
        }
        return file;
    }

    private static Path folder() {
        Path fromModule = Path.of("..", FOLDER);
        if (Files.isDirectory(fromModule) || Files.isRegularFile(Path.of("..", "pom.xml"))
                && !Files.isDirectory(Path.of(FOLDER))) {
            return fromModule;
        }
        return Path.of(FOLDER);
    }
}
