package ai.datasuite.inference.comment;

import ai.datasuite.inference.client.RemoteComment;
import ai.datasuite.inference.client.RemoteCommentPage;

/** metadata-service's comment shapes to the API's. */
final class CommentMapper {

    private CommentMapper() {
    }

    public static CommentView toView(RemoteComment c) {
        return toView(c, null);
    }

    public static CommentView toView(RemoteComment c, String notice) {
        return new CommentView(c.num(), c.comments(), c.requestUser(), c.requestTime(), c.status(),
                c.predictionResult(), c.predictionScore(), c.modelVersion(), c.predictedAt(), c.trueLabel(),
                c.feedback(), c.labelledBy(), c.labelledAt(), c.attempts(), c.lastError(), notice);
    }

    public static CommentPage toPage(RemoteCommentPage page) {
        return new CommentPage(page.items().stream().map(CommentMapper::toView).toList(), page.page(), page.size(),
                page.total());
    }
}
