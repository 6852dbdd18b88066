package ai.datasuite.metadata.document;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import ai.datasuite.metadata.common.InvalidField;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.common.Persistence;

/**
 * The chat's documents: one per owner and stored file, with chat-gateway's indexing progress. Every look-up takes a
 * {@code visible} test of the owner (the caller's rule); a document it refuses is answered as absent.
 */
@ApplicationScoped
@Transactional
public class DocumentService {

    /** What {@link #create} did, so the resource can answer 201 or 200. */
    public record Created(DocumentView document, boolean created) {
    }

    private final DocumentRepository documents;

    public DocumentService(DocumentRepository documents) {
        this.documents = documents;
    }

    // Each attempt has its own transaction: after losing the unique (owner, file) race this one can only roll back,
    // a new one sees the winner and answers it as the existing document.
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Created create(DocumentCreateRequest request, String owner) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> attemptCreate(request, owner));
        } catch (PersistenceException e) {
            if (!Persistence.isConstraintViolation(e)) {
                throw e;
            }
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> attemptCreate(request, owner));
        } catch (PersistenceException e) {
            if (Persistence.isConstraintViolation(e)) {
                throw Persistence.concurrentConflict("create");
            }
            throw e;
        }
    }

    private Created attemptCreate(DocumentCreateRequest request, String owner) {
        String fileId = request.fileId().toLowerCase(Locale.ROOT);
        Optional<Document> existing = documents.find("ownerId = :owner and fileId = :file",
                Parameters.with("owner", owner).and("file", fileId)).firstResultOptional();
        if (existing.isPresent()) {
            // The same bytes uploaded again: one document, as it is (its indexing state included).
            return new Created(DocumentView.of(existing.get()), false);
        }
        Document document = new Document();
        document.setId(UUID.randomUUID().toString());
        document.setOwnerId(owner);
        document.setFileId(fileId);
        document.setName(request.name());
        document.setDataType(request.dataType());
        document.setStatus(DocumentStatus.INDEXING);
        document.setChunksIndexed(0);
        document.setCreatedAt(Persistence.now());
        document.setUpdatedAt(document.getCreatedAt());
        documents.persist(document);
        documents.flush();
        return new Created(DocumentView.of(document), true);
    }

    /**
     * Newest first (created_at desc, then id); {@code owner} null lists everyone's, {@code status} null any,
     * {@code fileIds} empty any file (else only documents of those files: what chat cites).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<DocumentView> list(String owner, String status, List<String> fileIds, int page, int size) {
        if (status != null && !DocumentStatus.ALL.contains(status)) {
            throw InvalidField.problem("status", DocumentStatus.MESSAGE);
        }
        Persistence.Where where = new Persistence.Where().equal("ownerId", owner).equal("status", status)
                .in("fileId", fileIds);
        PanacheQuery<Document> found = documents.find(where.clause(),
                Sort.descending("createdAt").and("id", Sort.Direction.Descending), where.parameters());
        List<DocumentView> items = found.page(Persistence.page(page, size)).list().stream()
                .map(DocumentView::of).toList();
        return new PageView<>(items, page, size, found.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DocumentView> find(String id, Predicate<String> visible) {
        return visible(id, visible).map(DocumentView::of);
    }

    /** Applies the fields given; empty when absent or not visible. */
    public Optional<DocumentView> update(String id, DocumentPatchRequest patch, Predicate<String> visible) {
        return visible(id, visible).map(d -> {
            Integer chunks = patch.chunks() != null ? patch.chunks() : d.getChunks();
            int indexed = patch.chunksIndexed() != null ? patch.chunksIndexed() : d.getChunksIndexed();
            if (chunks != null && indexed > chunks) {
                // Name the field the caller sent: the one that broke 0 <= chunks_indexed <= chunks.
                throw patch.chunksIndexed() != null
                        ? InvalidField.problem("chunks_indexed", "must be at most chunks (" + chunks + ")")
                        : InvalidField.problem("chunks", "must be at least chunks_indexed (" + indexed + ")");
            }
            if (patch.status() != null) {
                d.setStatus(patch.status());
            }
            d.setChunks(chunks);
            d.setChunksIndexed(indexed);
            if (patch.error() != null) {
                d.setError(patch.error().isBlank() ? null : patch.error());
            }
            d.setUpdatedAt(Persistence.now());
            return DocumentView.of(d);
        });
    }

    /** False when absent or not visible. */
    public boolean delete(String id, Predicate<String> visible) {
        Optional<Document> document = visible(id, visible);
        document.ifPresent(documents::delete);
        return document.isPresent();
    }

    private Optional<Document> visible(String id, Predicate<String> visible) {
        return documents.findByIdOptional(id.toLowerCase(Locale.ROOT)).filter(d -> visible.test(d.getOwnerId()));
    }
}
