package ai.datasuite.inference.client;

import java.util.List;

/** One page of comments from metadata-service, newest first. */
public record RemoteCommentPage(List<RemoteComment> items, int page, int size, long total) {
}
