package ai.datasuite.gateway.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import ai.datasuite.gateway.client.MetadataDocumentsClient;
import ai.datasuite.gateway.client.StartupAttempts;
import ai.datasuite.gateway.client.MetadataDocumentsClient.DocumentPage;
import ai.datasuite.gateway.client.MetadataDocumentsClient.StoredDocument;
import ai.datasuite.gateway.config.DocumentsConfig;

/**
 * A gateway that stopped while indexing leaves documents {@code indexing} for ever. At start-up, in the background,
 * every document still indexing whose record has not changed for {@code gateway.documents.indexing.stale-after} is
 * indexed again from its stored file, as its owner (or marked failed when the file is gone).
 */
@Singleton
public class StaleIndexingRecovery {

    private static final Logger LOG = Logger.getLogger(StaleIndexingRecovery.class);
    private static final int PAGE_SIZE = 200;

    private final MetadataDocumentsClient documents;
    private final DocumentIndexer indexer;
    private final DocumentsConfig config;

    public StaleIndexingRecovery(MetadataDocumentsClient documents, DocumentIndexer indexer, DocumentsConfig config) {
        this.documents = documents;
        this.indexer = indexer;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        // One document after the other on the start-up thread, beside the upload pool.
        StartupAttempts.run("resuming abandoned indexing", () -> recover() >= 0,
                config.indexing().recoveryRetryDelay(), config.indexing().recoveryAttempts());
    }

    /** Resumes the stale documents; returns how many, or -1 when metadata-service could not be asked. */
    int recover() {
        List<StoredDocument> stale;
        try {
            stale = staleDocuments(Instant.now().minus(config.indexing().staleAfter()));
        } catch (RuntimeException e) {
            LOG.warnf("Cannot look for abandoned indexing yet (%s)", e.getMessage());
            return -1;
        }
        int resumed = 0;
        for (StoredDocument document : stale) {
            try {
                LOG.infof("Resuming the indexing of document %s (%s)", document.id(), document.owner());
                if (indexer.reindex(document, new Acting(document.owner(), "user"))) {
                    resumed++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Resuming document %s failed", document.id());
            }
        }
        return resumed;
    }

    private List<StoredDocument> staleDocuments(Instant before) {
        List<StoredDocument> stale = new ArrayList<>();
        for (int page = 0; ; page++) {
            DocumentPage found = documents.listAsService(DocumentIndexer.INDEXING, page, PAGE_SIZE);
            if (found == null || found.items() == null || found.items().isEmpty()) {
                return stale;
            }
            for (StoredDocument document : found.items()) {
                if (document.updatedAt() != null && document.updatedAt().isBefore(before)) {
                    stale.add(document);
                }
            }
            if ((long) (page + 1) * PAGE_SIZE >= found.total()) {
                return stale;
            }
        }
    }
}
