package ai.datasuite.metadata.comment;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One user comment and its emotion label: the prediction (written by inference-service, at once or by its batch job
 * through a lease), the admin's true label and feedback, and the bookkeeping of the batch job's claims.
 */
@Entity
@Table(name = "comments")
public class Comment {

    /** The seven emotion labels, lower case; nothing else is stored as a prediction or a true label. */
    public static final List<String> LABELS =
            List.of("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise");
    /** {@link #LABELS} as a regular expression, for validation annotations. */
    public static final String LABEL_PATTERN = "anger|disgust|fear|joy|neutral|sadness|surprise";
    public static final String LABEL_MESSAGE = "must be one of anger, disgust, fear, joy, neutral, sadness, surprise";

    /** No prediction yet; the batch job may claim it. */
    public static final String STATUS_PENDING = "pending";
    public static final String STATUS_PREDICTED = "predicted";
    /** The batch job gave up: attempts reached the max_attempts of the claim that leased it. */
    public static final String STATUS_FAILED = "failed";
    public static final String STATUS_PATTERN = "pending|predicted|failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long num;
    @Column(nullable = false)
    private String comments;

    @Column(name = "request_user", nullable = false)
    private String requestUser;

    @Column(name = "request_time", nullable = false)
    private Instant requestTime;

    @Column(nullable = false)
    private String status = STATUS_PENDING;

    @Column(name = "prediction_result")
    private String predictionResult;

    @Column(name = "prediction_score")
    private Double predictionScore;

    @Column(name = "model_version")
    private String modelVersion;

    @Column(name = "predicted_at")
    private Instant predictedAt;

    @Column(name = "true_label")
    private String trueLabel;

    private String feedback;

    @Column(name = "labelled_by")
    private String labelledBy;

    @Column(name = "labelled_at")
    private Instant labelledAt;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "max_attempts")
    private Integer maxAttempts;

    @Column(name = "last_error")
    private String lastError;

    public Long getNum() {
        return num;
    }

    public void setNum(Long num) {
        this.num = num;
    }

    public String getComments() {
        return comments;
    }

    public void setComments(String comments) {
        this.comments = comments;
    }

    public String getRequestUser() {
        return requestUser;
    }

    public void setRequestUser(String requestUser) {
        this.requestUser = requestUser;
    }

    public Instant getRequestTime() {
        return requestTime;
    }

    public void setRequestTime(Instant requestTime) {
        this.requestTime = requestTime;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getPredictionResult() {
        return predictionResult;
    }

    public void setPredictionResult(String predictionResult) {
        this.predictionResult = predictionResult;
    }

    public Double getPredictionScore() {
        return predictionScore;
    }

    public void setPredictionScore(Double predictionScore) {
        this.predictionScore = predictionScore;
    }

    public String getModelVersion() {
        return modelVersion;
    }

    public void setModelVersion(String modelVersion) {
        this.modelVersion = modelVersion;
    }

    public Instant getPredictedAt() {
        return predictedAt;
    }

    public void setPredictedAt(Instant predictedAt) {
        this.predictedAt = predictedAt;
    }

    public String getTrueLabel() {
        return trueLabel;
    }

    public void setTrueLabel(String trueLabel) {
        this.trueLabel = trueLabel;
    }

    public String getFeedback() {
        return feedback;
    }

    public void setFeedback(String feedback) {
        this.feedback = feedback;
    }

    public String getLabelledBy() {
        return labelledBy;
    }

    public void setLabelledBy(String labelledBy) {
        this.labelledBy = labelledBy;
    }

    public Instant getLabelledAt() {
        return labelledAt;
    }

    public void setLabelledAt(Instant labelledAt) {
        this.labelledAt = labelledAt;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public void setLeaseOwner(String leaseOwner) {
        this.leaseOwner = leaseOwner;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public void setLeaseUntil(Instant leaseUntil) {
        this.leaseUntil = leaseUntil;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }
}
