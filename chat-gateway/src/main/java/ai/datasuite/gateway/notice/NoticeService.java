package ai.datasuite.gateway.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.gateway.client.MetadataNoticesClient;
import ai.datasuite.gateway.client.MetadataNoticesClient.NewNotice;
import ai.datasuite.gateway.client.MetadataNoticesClient.NoticePage;
import ai.datasuite.gateway.client.MetadataNoticesClient.StoredNotice;
import ai.datasuite.gateway.client.RetrievalChunk;
import ai.datasuite.gateway.client.RetrievalClient;
import ai.datasuite.gateway.client.RetrievalIndexRequest;
import ai.datasuite.gateway.client.RetrievalSearchResult;
import ai.datasuite.gateway.config.DocumentsConfig;
import ai.datasuite.gateway.document.TextChunker;

/**
 * The notice board: records in metadata-service, and their text indexed in retrieval-service under the reserved
 * owner {@code _public} (source {@code notice:<id>}) so that every user's search and chat can cite them. A notice
 * exists only together with its chunks: when indexing fails the new notice is deleted again; a delete removes the
 * chunks first. Calls carry the requesting admin's identity.
 */
@ApplicationScoped
public class NoticeService {

    public static final String SOURCE_PREFIX = "notice:";
    private static final Logger LOG = Logger.getLogger(NoticeService.class);

    private final MetadataNoticesClient notices;
    private final RetrievalClient retrieval;
    private final TextChunker chunker;
    private final DocumentsConfig config;

    public NoticeService(MetadataNoticesClient notices, RetrievalClient retrieval, TextChunker chunker,
                         DocumentsConfig config) {
        this.notices = notices;
        this.retrieval = retrieval;
        this.chunker = chunker;
        this.config = config;
    }

    public static String sourceOf(String noticeId) {
        return SOURCE_PREFIX + noticeId;
    }

    public StoredNotice post(NewNotice request) {
        StoredNotice notice = notices.create(request);
        try {
            index(notice);
        } catch (RuntimeException e) {
            try {
                retrieval.delete(RetrievalSearchResult.PUBLIC_OWNER, sourceOf(notice.id()));
                notices.delete(notice.id());
            } catch (RuntimeException cleanup) {
                LOG.errorf(cleanup, "Notice %s could not be indexed nor removed again", notice.id());
            }
            throw e;
        }
        return notice;
    }

    public NoticePage list(int page, int size) {
        return notices.list(page, size);
    }

    public Optional<StoredNotice> get(String id) {
        return notices.get(id);
    }

    /** Chunks first, then the record; false when there is no such notice. */
    public boolean delete(String id) {
        if (notices.get(id).isEmpty()) {
            return false;
        }
        retrieval.delete(RetrievalSearchResult.PUBLIC_OWNER, sourceOf(id));
        return notices.delete(id);
    }

    /** Title and body split like a document; batches within retrieval-service's limit. */
    private void index(StoredNotice notice) {
        List<String> chunks = chunker.chunks(notice.title() + "\n\n" + notice.body(), false);
        int batch = config.indexBatch();
        for (int from = 0; from < chunks.size(); from += batch) {
            List<RetrievalChunk> part = new ArrayList<>();
            for (int position = from; position < Math.min(chunks.size(), from + batch); position++) {
                part.add(new RetrievalChunk(chunks.get(position), position));
            }
            retrieval.index(new RetrievalIndexRequest(RetrievalSearchResult.PUBLIC_OWNER, sourceOf(notice.id()), part,
                    from == 0));
        }
    }
}
