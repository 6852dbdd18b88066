package ai.datasuite.metadata.finetune;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's fine-tune job: chat-gateway builds the training set, hands it to the provider and records each step here. */
@Entity
@Table(name = "fine_tune_jobs")
public class FineTuneJob {

    @Id
    private String id;

    @Column(name = "owner_id", nullable = false)
    private String ownerId;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private double progress;

    @Column(nullable = false)
    private int epochs;

    @Column(name = "learning_rate", nullable = false)
    private double learningRate;

    @Column(name = "base_model")
    private String baseModel;

    @Column(name = "training_file_id")
    private String trainingFileId;

    private Integer examples;

    @Column(name = "provider_file_id")
    private String providerFileId;

    @Column(name = "provider_job_id")
    private String providerJobId;

    @Column(name = "fine_tuned_model")
    private String fineTunedModel;

    private String message;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public double getProgress() {
        return progress;
    }

    public void setProgress(double progress) {
        this.progress = progress;
    }

    public int getEpochs() {
        return epochs;
    }

    public void setEpochs(int epochs) {
        this.epochs = epochs;
    }

    public double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public String getBaseModel() {
        return baseModel;
    }

    public void setBaseModel(String baseModel) {
        this.baseModel = baseModel;
    }

    public String getTrainingFileId() {
        return trainingFileId;
    }

    public void setTrainingFileId(String trainingFileId) {
        this.trainingFileId = trainingFileId;
    }

    public Integer getExamples() {
        return examples;
    }

    public void setExamples(Integer examples) {
        this.examples = examples;
    }

    public String getProviderFileId() {
        return providerFileId;
    }

    public void setProviderFileId(String providerFileId) {
        this.providerFileId = providerFileId;
    }

    public String getProviderJobId() {
        return providerJobId;
    }

    public void setProviderJobId(String providerJobId) {
        this.providerJobId = providerJobId;
    }

    public String getFineTunedModel() {
        return fineTunedModel;
    }

    public void setFineTunedModel(String fineTunedModel) {
        this.fineTunedModel = fineTunedModel;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
