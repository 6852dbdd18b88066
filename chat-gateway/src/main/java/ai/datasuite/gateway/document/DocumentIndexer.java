package ai.datasuite.gateway.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.gateway.client.IngestClient;
import ai.datasuite.gateway.client.IngestFile;
import ai.datasuite.gateway.client.MetadataDocumentsClient;
import ai.datasuite.gateway.client.MetadataDocumentsClient.Created;
import ai.datasuite.gateway.client.MetadataDocumentsClient.DocumentPatch;
import ai.datasuite.gateway.client.MetadataDocumentsClient.NewDocument;
import ai.datasuite.gateway.client.MetadataDocumentsClient.StoredDocument;
import ai.datasuite.gateway.client.RetrievalChunk;
import ai.datasuite.gateway.client.RetrievalClient;
import ai.datasuite.gateway.client.RetrievalIndexRequest;
import ai.datasuite.gateway.config.DocumentsConfig;
import ai.datasuite.problem.ProblemException;

/**
 * What follows a stored upload: the document record in metadata-service, the file's text from ingest-service, its
 * chunks, and their indexing in retrieval-service under the file's owner (source = the file id), in batches with the
 * progress recorded after each. Small files are indexed before the answer, larger ones by {@link IndexingQueue}; every
 * call carries the uploader's identity, also in the background.
 */
@ApplicationScoped
public class DocumentIndexer {

    public static final String INDEXING = "indexing";
    public static final String READY = "ready";
    public static final String FAILED = "failed";
    static final String NO_TEXT = "The file has no text to search (nothing was indexed).";
    /** retrieval-service's largest chunk. */
    static final int MAX_FACTS_CHARS = 4000;
    private static final Logger LOG = Logger.getLogger(DocumentIndexer.class);

    private final MetadataDocumentsClient documents;
    private final IngestClient ingest;
    private final RetrievalClient retrieval;
    private final TextChunker chunker;
    private final IndexingQueue queue;
    private final DocumentsConfig config;

    public DocumentIndexer(MetadataDocumentsClient documents, IngestClient ingest, RetrievalClient retrieval,
                           TextChunker chunker, IndexingQueue queue, DocumentsConfig config) {
        this.documents = documents;
        this.ingest = ingest;
        this.retrieval = retrieval;
        this.chunker = chunker;
        this.queue = queue;
        this.config = config;
    }

    /**
     * Records and indexes a file ingest just stored (or already had). The same owner's same file again: its
     * document, indexed again only when it failed or its indexing was abandoned (not when it is {@code ready} or
     * still being indexed). Blocking.
     */
    public UploadResult afterUpload(Acting who, IngestFile file) {
        Created created = documents.create(new NewDocument(file.id(), nameOf(file), file.dataType(), file.ownerId()),
                who.user(), who.role());
        StoredDocument document = created.document();
        int answered = created.created() ? 201 : 200;
        if (!created.created() && (READY.equals(document.status()) || beingIndexed(document))) {
            // ready, or another request's indexing is under way: the existing document as it stands
            return result(file, document, document.chunks(), document.status(), null, 200);
        }
        List<String> chunks;
        try {
            chunks = chunksOf(file, who);
        } catch (RuntimeException e) {
            fail(document, who, e);
            throw e;
        }
        if (chunks.isEmpty()) {
            retrieval.delete(file.ownerId(), file.id(), who.user(), who.role()); // a re-upload leaves nothing stale
            patch(document, new DocumentPatch(READY, 0, 0, ""), who);
            return result(file, document, 0, READY, NO_TEXT, answered);
        }
        patch(document, new DocumentPatch(INDEXING, chunks.size(), 0, ""), who);
        if (chunks.size() <= config.syncMaxChunks()) {
            try {
                index(document, file.ownerId(), chunks, who);
            } catch (RuntimeException e) {
                fail(document, who, e);
                throw e;
            }
            return result(file, document, chunks.size(), READY, null, answered);
        }
        try {
            queue.submit(() -> indexInBackground(document, file.ownerId(), chunks, who));
        } catch (ProblemException busy) {
            patch(document, new DocumentPatch(FAILED, null, null, "The gateway was too busy to index the file."
                    + " Upload it again to index it."), who);
            throw busy;
        }
        return result(file, document, chunks.size(), INDEXING, null, 202);
    }

    /** Indexes a document again from its stored file (start-up recovery); false when the file is gone. */
    boolean reindex(StoredDocument document, Acting who) {
        Optional<IngestFile> file = ingest.get(document.fileId(), who.user(), who.role());
        if (file.isEmpty()) {
            patch(document, new DocumentPatch(FAILED, null, null, "The stored file is gone; upload it again."), who);
            return false;
        }
        List<String> chunks = chunksOf(file.get(), who);
        patch(document, new DocumentPatch(chunks.isEmpty() ? READY : INDEXING, chunks.size(), 0, ""), who);
        if (!chunks.isEmpty()) {
            indexInBackground(document, document.owner(), chunks, who);
        }
        return true;
    }

    void indexInBackground(StoredDocument document, String owner, List<String> chunks, Acting who) {
        try {
            index(document, owner, chunks, who);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Indexing document %s failed", document.id());
            fail(document, who, e);
        }
    }

    /** Batches of {@code gateway.documents.index-batch}, the first replacing what the file had in the index. */
    private void index(StoredDocument document, String owner, List<String> chunks, Acting who) {
        int batch = config.indexBatch();
        for (int from = 0; from < chunks.size(); from += batch) {
            int to = Math.min(chunks.size(), from + batch);
            List<RetrievalChunk> part = new ArrayList<>(to - from);
            for (int position = from; position < to; position++) {
                part.add(new RetrievalChunk(chunks.get(position), position));
            }
            retrieval.index(new RetrievalIndexRequest(owner, document.fileId(), part, from == 0), who.user(),
                    who.role());
            boolean last = to == chunks.size();
            if (documents.update(document.id(), new DocumentPatch(last ? READY : null, null, to, null), who.user(),
                    who.role()).isEmpty()) {
                // Deleted while it was indexed: take back what this run added, so no chunk outlives its document.
                retrieval.delete(owner, document.fileId(), who.user(), who.role());
                return;
            }
        }
    }

    private boolean beingIndexed(StoredDocument document) {
        return INDEXING.equals(document.status()) && document.updatedAt() != null
                && document.updatedAt().isAfter(Instant.now().minus(config.indexing().staleAfter()));
    }

    private List<String> chunksOf(IngestFile file, Acting who) {
        Optional<InputStream> text = ingest.text(file.id(), who.user(), who.role());
        if (text.isEmpty()) {
            return List.of(); // ingest found no text (an image without facts, a scanned PDF)
        }
        String content;
        try (InputStream in = text.get()) {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String media = file.mediaType() == null ? "" : file.mediaType();
        if ((media.startsWith("image/") || media.startsWith("audio/")) && !content.isBlank()) {
            // ingest's one line of facts and the file name: one chunk (retrieval takes up to 4000 characters)
            String facts = content.strip();
            return List.of(facts.length() <= MAX_FACTS_CHARS ? facts : facts.substring(0, MAX_FACTS_CHARS));
        }
        return chunker.chunks(content, TextChunker.isTable(media, file.dataType()));
    }

    private void fail(StoredDocument document, Acting who, RuntimeException cause) {
        String reason = cause instanceof ProblemException problem ? problem.detail() : "an internal error (logged)";
        try {
            documents.update(document.id(), new DocumentPatch(FAILED, null, null, abbreviate("Indexing failed: "
                    + reason + " Upload the file again to retry.")), who.user(), who.role());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not mark document %s failed", document.id());
        }
    }

    private void patch(StoredDocument document, DocumentPatch patch, Acting who) {
        documents.update(document.id(), patch, who.user(), who.role());
    }

    private static UploadResult result(IngestFile file, StoredDocument document, Integer chunks, String status,
                                       String note, int httpStatus) {
        return new UploadResult(file.id(), document.id(), chunks, status, document.name(), document.dataType(), note,
                httpStatus);
    }

    private static String nameOf(IngestFile file) {
        String name = file.originalName() == null || file.originalName().isBlank() ? file.id() : file.originalName();
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
