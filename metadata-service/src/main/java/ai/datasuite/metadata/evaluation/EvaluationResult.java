package ai.datasuite.metadata.evaluation;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One task of a run: pending at creation, then what the runner recorded (prompt, answers, score, cost). */
@Entity
@Table(name = "evaluation_results")
@IdClass(EvaluationResult.Key.class)
public class EvaluationResult {

    /** The composite key (evaluation_id, task_id). */
    public static class Key implements Serializable {

        private String evaluationId;
        private String taskId;

        public Key() {
        }

        public Key(String evaluationId, String taskId) {
            this.evaluationId = evaluationId;
            this.taskId = taskId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(evaluationId, k.evaluationId) && Objects.equals(taskId, k.taskId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(evaluationId, taskId);
        }
    }

    @Id
    @Column(name = "evaluation_id")
    private String evaluationId;

    @Id
    @Column(name = "task_id")
    private String taskId;

    @Column(nullable = false)
    private int level;

    @Column(name = "file_type", nullable = false)
    private String fileType;

    @Column(nullable = false)
    private String status;

    private String prompt;

    @Column(name = "raw_answer")
    private String rawAnswer;

    @Column(name = "final_answer")
    private String finalAnswer;

    private Boolean correct;

    @Column(name = "score_kind")
    private String scoreKind;

    @Column(name = "latency_ms")
    private Long latencyMs;

    @Column(name = "input_tokens")
    private Integer inputTokens;

    @Column(name = "output_tokens")
    private Integer outputTokens;

    private Integer attempts;

    private String error;

    @Column(nullable = false)
    private boolean truncated;

    private String notes;

    @Column(name = "steps_version")
    private Integer stepsVersion;

    @Column(name = "steps_used", nullable = false)
    private boolean stepsUsed;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public String getEvaluationId() {
        return evaluationId;
    }

    public void setEvaluationId(String evaluationId) {
        this.evaluationId = evaluationId;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public int getLevel() {
        return level;
    }

    public void setLevel(int level) {
        this.level = level;
    }

    public String getFileType() {
        return fileType;
    }

    public void setFileType(String fileType) {
        this.fileType = fileType;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public String getRawAnswer() {
        return rawAnswer;
    }

    public void setRawAnswer(String rawAnswer) {
        this.rawAnswer = rawAnswer;
    }

    public String getFinalAnswer() {
        return finalAnswer;
    }

    public void setFinalAnswer(String finalAnswer) {
        this.finalAnswer = finalAnswer;
    }

    public Boolean getCorrect() {
        return correct;
    }

    public void setCorrect(Boolean correct) {
        this.correct = correct;
    }

    public String getScoreKind() {
        return scoreKind;
    }

    public void setScoreKind(String scoreKind) {
        this.scoreKind = scoreKind;
    }

    public Long getLatencyMs() {
        return latencyMs;
    }

    public void setLatencyMs(Long latencyMs) {
        this.latencyMs = latencyMs;
    }

    public Integer getInputTokens() {
        return inputTokens;
    }

    public void setInputTokens(Integer inputTokens) {
        this.inputTokens = inputTokens;
    }

    public Integer getOutputTokens() {
        return outputTokens;
    }

    public void setOutputTokens(Integer outputTokens) {
        this.outputTokens = outputTokens;
    }

    public Integer getAttempts() {
        return attempts;
    }

    public void setAttempts(Integer attempts) {
        this.attempts = attempts;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }

    public boolean isTruncated() {
        return truncated;
    }

    public void setTruncated(boolean truncated) {
        this.truncated = truncated;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public Integer getStepsVersion() {
        return stepsVersion;
    }

    public void setStepsVersion(Integer stepsVersion) {
        this.stepsVersion = stepsVersion;
    }

    public boolean isStepsUsed() {
        return stepsUsed;
    }

    public void setStepsUsed(boolean stepsUsed) {
        this.stepsUsed = stepsUsed;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
