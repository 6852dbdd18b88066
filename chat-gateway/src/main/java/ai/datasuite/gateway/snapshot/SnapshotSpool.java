package ai.datasuite.gateway.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The folder of the spooled zips and of the files unpacked one at a time for their upload
 * ({@code ${suite.data-dir}/snapshots}). Whatever a stopped gateway left there is deleted at start-up: its imports
 * are forgotten anyway.
 */
@Singleton
public class SnapshotSpool {

    private static final Logger LOG = Logger.getLogger(SnapshotSpool.class);

    private final Path folder;

    public SnapshotSpool(@ConfigProperty(name = "suite.data-dir") String dataDir) {
        this.folder = Path.of(dataDir, "snapshots");
    }

    void onStart(@Observes StartupEvent start) {
        try {
            Files.createDirectories(folder);
            try (Stream<Path> stray = Files.list(folder)) {
                stray.forEach(SnapshotSpool::delete);
            }
        } catch (IOException e) {
            LOG.warnf("Cannot clear the snapshot spool %s: %s", folder, e.getMessage());
        }
    }

    /** A new, not yet existing file in the spool. */
    Path newFile(String suffix) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        return folder.resolve(UUID.randomUUID() + suffix);
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Cannot delete %s: %s", file, e.getMessage());
        }
    }
}
