package ai.datasuite.gateway.chat;

import java.util.List;
import java.util.Map;

import ai.datasuite.gateway.client.RetrievalSearchResult;
import ai.datasuite.gateway.client.RetrievalSearchResult.Hit;

/** Retrieval's hits as the answer's citations, in retrieval's order (best first), numbered [1].. in the prompt. */
final class Citations {

    static final String NOTICE_PREFIX = "notice:";

    private Citations() {
    }

    static List<Citation> of(RetrievalSearchResult found, int textChars) {
        return found.results().stream().map(hit -> of(hit, textChars)).toList();
    }

    static Citation of(Hit hit, int textChars) {
        String fileId = hit.sourceFileId();
        boolean notice = hit.isPublic() || fileId != null && fileId.startsWith(NOTICE_PREFIX);
        String noticeId = notice && fileId != null && fileId.startsWith(NOTICE_PREFIX)
                ? fileId.substring(NOTICE_PREFIX.length()) : null;
        return new Citation(fileId, null, hit.position(), hit.score(), clip(hit.text(), textChars),
                notice ? Citation.NOTICE : Citation.DOCUMENT, noticeId);
    }

    /** The citations with the document id of each document's file (notices and unknown files keep none). */
    static List<Citation> withDocuments(List<Citation> citations, Map<String, String> documentIds) {
        return citations.stream().map(c -> c.documentId() != null || !documentIds.containsKey(c.fileId()) ? c
                : new Citation(c.fileId(), documentIds.get(c.fileId()), c.chunk(), c.score(), c.text(), c.source(),
                        c.noticeId())).toList();
    }

    /** The distinct file ids of the cited documents (not notices), in order. */
    static List<String> documentFiles(List<Citation> citations) {
        return citations.stream().filter(c -> Citation.DOCUMENT.equals(c.source()) && c.fileId() != null)
                .map(Citation::fileId).distinct().toList();
    }

    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
