package ai.datasuite.ingest.analysis;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's datasets/sample-files: -Dsample.files.dir, else the nearest one up from the working directory. */
final class SampleFiles {

    private static final Path RELATIVE = Path.of("datasets", "sample-files");

    private SampleFiles() {
    }

    static Path dir() {
        String configured = System.getProperty("sample.files.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample files not found: no " + RELATIVE + " above "
                + Path.of("").toAbsolutePath() + "; set -Dsample.files.dir");
    }

    static Path file(String name) {
        return dir().resolve(name);
    }
}
