package ai.datasuite.metadata.document;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class DocumentRepository implements PanacheRepositoryBase<Document, String> {
}
