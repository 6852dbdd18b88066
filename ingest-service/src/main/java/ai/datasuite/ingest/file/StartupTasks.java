package ai.datasuite.ingest.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import ai.datasuite.ingest.config.IngestConfig;
import ai.datasuite.ingest.storage.StorageService;
import io.quarkus.runtime.StartupEvent;

/** Start-up housekeeping: the bucket, and spool files a previous process left behind when it stopped mid-upload. */
@ApplicationScoped
class StartupTasks {

    private static final Logger LOG = Logger.getLogger(StartupTasks.class);

    void onStart(@Observes StartupEvent event, StorageService storage, IngestConfig config) {
        removeStaleSpoolFiles(Path.of(config.spoolDir()), "{upload,text}-*");
        // Nested archive entries are spooled to the JVM's temporary folder while a zip is analysed.
        removeStaleSpoolFiles(Path.of(System.getProperty("java.io.tmpdir")), "ingest-entry-*");
        if (!config.storage().createBucket()) {
            return;
        }
        try {
            storage.ensureBucket();
        } catch (RuntimeException e) {
            // A store that is down now only makes the service unready, not dead.
            LOG.warnf("bucket %s could not be checked or created yet: %s", storage.bucket(), e.getMessage());
        }
    }

    private static void removeStaleSpoolFiles(Path dir, String glob) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warnf("could not clean the spool folder %s: %s", dir, e.getMessage());
        }
    }
}
