package ai.datasuite.metadata.comment;

import jakarta.enterprise.context.ApplicationScoped;

/** Comment entity to its API view. */
@ApplicationScoped
class CommentMapper {

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
