package ai.datasuite.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import ai.datasuite.ingest.config.IngestConfig;
import io.quarkus.runtime.StartupEvent;

/** Creates the bucket when configured to; a store that is down now only makes the service unready, not dead. */
@ApplicationScoped
public class StartupTasks {

    private static final Logger LOG = Logger.getLogger(StartupTasks.class);

    void onStart(@Observes StartupEvent event, StorageService storage, IngestConfig config) {
        if (!config.storage().createBucket()) {
            return;
        }
        try {
            storage.ensureBucket();
        } catch (RuntimeException e) {
            LOG.warnf("bucket %s could not be checked or created yet: %s", storage.bucket(), e.getMessage());
        }
    }
}
