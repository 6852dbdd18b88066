package ai.datasuite.gateway.product;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.gateway.client.IngestClient;
import ai.datasuite.gateway.client.MetadataProductsClient;
import ai.datasuite.gateway.client.MetadataProductsClient.Catalog;
import ai.datasuite.gateway.client.RetrievalCollectionsClient;
import ai.datasuite.gateway.document.Acting;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;

/**
 * Deletes a catalog everywhere it lives: its rows and dictionary in metadata-service, its Parquet object in
 * ingest-service and its collection in retrieval-service. A missing object or collection is fine (never written, or
 * gone already); the catalog itself goes last, so a failure half-way can be retried.
 */
@ApplicationScoped
public class CatalogDeletion {

    private static final Logger LOG = Logger.getLogger(CatalogDeletion.class);

    private final MetadataProductsClient metadata;
    private final IngestClient ingest;
    private final RetrievalCollectionsClient retrieval;
    private final Signed signed;

    public CatalogDeletion(MetadataProductsClient metadata, IngestClient ingest, RetrievalCollectionsClient retrieval,
                           Signed signed) {
        this.metadata = metadata;
        this.ingest = ingest;
        this.retrieval = retrieval;
        this.signed = signed;
    }

    public void delete(long catalogId, Caller caller) {
        Acting acting = Acting.of(caller);
        Catalog catalog = metadata.catalog(catalogId, signed.as(acting))
                .orElseThrow(() -> ProblemException.notFound("No product catalog " + catalogId));
        // As the caller: an admin may delete any user's objects, a user only their own.
        if (catalog.parquetFileId() != null && !ingest.delete(catalog.parquetFileId(), acting.user(), acting.role())) {
            LOG.debugf("Catalog %d's Parquet file %s was gone already", catalogId, catalog.parquetFileId());
        }
        retrieval.delete(CatalogProducts.collection(catalogId), signed.as(acting));
        metadata.deleteCatalog(catalogId, signed.as(acting));
    }
}
