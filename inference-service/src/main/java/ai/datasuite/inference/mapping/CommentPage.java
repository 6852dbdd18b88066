package ai.datasuite.inference.mapping;

import java.util.List;

/** One page of comments, newest first. */
public record CommentPage(List<CommentView> items, int page, int size, long total) {
}
