package ai.datasuite.inference.comment;

import java.util.List;

/** One page of comments, newest first. */
public record CommentPage(List<CommentView> items, int page, int size, long total) {
}
