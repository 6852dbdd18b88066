package ai.datasuite.inference.client;

/** Filters of the comment list, forwarded as they are; null means "any". */
public record CommentFilter(String user, String predictedLabel, String trueLabel, Boolean labelled, String status,
                            String from, String to) {

    public CommentFilter withUser(String author) {
        return new CommentFilter(author, predictedLabel, trueLabel, labelled, status, from, to);
    }

    public static CommentFilter none() {
        return new CommentFilter(null, null, null, null, null, null, null);
    }
}
