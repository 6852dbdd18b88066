package ai.datasuite.gateway.document;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.gateway.client.IngestClient;
import ai.datasuite.gateway.client.MetadataDocumentsClient;
import ai.datasuite.gateway.client.MetadataDocumentsClient.DocumentPage;
import ai.datasuite.gateway.client.MetadataDocumentsClient.StoredDocument;
import ai.datasuite.gateway.client.RetrievalClient;
import ai.datasuite.gateway.client.RetrievalSearchRequest;
import ai.datasuite.gateway.client.RetrievalSearchResult;

/**
 * A user's documents across the three services that hold a part of each: the record (metadata-service), the chunks
 * (retrieval-service) and the file (ingest-service). The services apply the owner rules to the identity each call
 * carries; another user's document is simply not found.
 */
@ApplicationScoped
public class DocumentService {

    private static final Logger LOG = Logger.getLogger(DocumentService.class);

    private final MetadataDocumentsClient documents;
    private final RetrievalClient retrieval;
    private final IngestClient ingest;

    public DocumentService(MetadataDocumentsClient documents, RetrievalClient retrieval, IngestClient ingest) {
        this.documents = documents;
        this.retrieval = retrieval;
        this.ingest = ingest;
    }

    public DocumentPage list(String owner, String status, int page, int size, Acting who) {
        return documents.list(owner, status, page, size, who.user(), who.role());
    }

    public Optional<StoredDocument> get(String id, Acting who) {
        return documents.get(id, who.user(), who.role());
    }

    /**
     * Removes the chunks, then the record, then the file: while the record exists it can be deleted again, so a
     * failure half-way is finished by repeating the delete, and no chunk can outlive its record. False when there is
     * no such document (or it is another user's).
     */
    public boolean delete(String id, Acting who) {
        Optional<StoredDocument> found = documents.get(id, who.user(), who.role());
        if (found.isEmpty()) {
            return false;
        }
        StoredDocument document = found.get();
        retrieval.delete(document.owner(), document.fileId(), who.user(), who.role());
        if (!documents.delete(id, who.user(), who.role())) {
            return false; // deleted meanwhile by another request
        }
        try {
            ingest.delete(document.fileId(), who.user(), who.role());
        } catch (RuntimeException e) {
            // The document is gone for the user; the file stays listed under /api/v1/files to delete there.
            LOG.warnf(e, "Document %s deleted, its file %s could not be", id, document.fileId());
        }
        return true;
    }

    /** retrieval-service's answer for the owner's chunks (and the notices when asked). */
    public RetrievalSearchResult search(RetrievalSearchRequest request, Acting who) {
        return retrieval.search(request, who.user(), who.role());
    }
}
