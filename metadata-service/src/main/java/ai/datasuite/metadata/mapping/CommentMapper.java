package ai.datasuite.metadata.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.metadata.Comment;

/** Comment entity to its API view. */
@ApplicationScoped
public class CommentMapper {

    public CommentView toView(Comment comment) {
        return new CommentView(
                comment.getNum(),
                comment.getComments(),
                comment.getRequestUser(),
                comment.getRequestTime(),
                comment.getStatus(),
                comment.getPredictionResult(),
                comment.getPredictionScore(),
                comment.getModelVersion(),
                comment.getPredictedAt(),
                comment.getTrueLabel(),
                comment.getFeedback(),
                comment.getLabelledBy(),
                comment.getLabelledAt(),
                comment.getAttempts(),
                comment.getLastError());
    }
}
