package ai.datasuite.metadata.task;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One benchmark task in the GAIA layout (question, level, answer, annotator metadata). */
@Entity
@Table(name = "tasks")
public class Task {

    @Id
    @Column(name = "task_id")
    private String taskId;

    @Column(nullable = false)
    private String question;

    @Column(nullable = false)
    private int level;

    @Column(name = "final_answer")
    private String finalAnswer;

    @Column(name = "file_name")
    private String fileName;

    private String steps;

    @Column(name = "number_of_steps")
    private Integer numberOfSteps;

    @Column(name = "how_long")
    private String howLong;

    private String tools;

    @Column(name = "number_of_tools")
    private Integer numberOfTools;

    /** The current version of the steps: 1 = as imported; above 1 an annotator edited them (an import keeps them). */
    @Column(name = "steps_version", nullable = false)
    private int stepsVersion = 1;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** True when every imported field equals the other task's; timestamps are not content. */
    public boolean sameContentAs(Task other) {
        return level == other.level
                && Objects.equals(question, other.question)
                && Objects.equals(finalAnswer, other.finalAnswer)
                && Objects.equals(fileName, other.fileName)
                && Objects.equals(steps, other.steps)
                && Objects.equals(numberOfSteps, other.numberOfSteps)
                && Objects.equals(howLong, other.howLong)
                && Objects.equals(tools, other.tools)
                && Objects.equals(numberOfTools, other.numberOfTools);
    }

    /** Copies the imported fields (not the id, not the timestamps, not the steps version). */
    public void copyContentFrom(Task other) {
        question = other.question;
        level = other.level;
        finalAnswer = other.finalAnswer;
        fileName = other.fileName;
        steps = other.steps;
        numberOfSteps = other.numberOfSteps;
        howLong = other.howLong;
        tools = other.tools;
        numberOfTools = other.numberOfTools;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public int getLevel() {
        return level;
    }

    public void setLevel(int level) {
        this.level = level;
    }

    public String getFinalAnswer() {
        return finalAnswer;
    }

    public void setFinalAnswer(String finalAnswer) {
        this.finalAnswer = finalAnswer;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getSteps() {
        return steps;
    }

    public void setSteps(String steps) {
        this.steps = steps;
    }

    public Integer getNumberOfSteps() {
        return numberOfSteps;
    }

    public void setNumberOfSteps(Integer numberOfSteps) {
        this.numberOfSteps = numberOfSteps;
    }

    public String getHowLong() {
        return howLong;
    }

    public void setHowLong(String howLong) {
        this.howLong = howLong;
    }

    public String getTools() {
        return tools;
    }

    public void setTools(String tools) {
        this.tools = tools;
    }

    public Integer getNumberOfTools() {
        return numberOfTools;
    }

    public void setNumberOfTools(Integer numberOfTools) {
        this.numberOfTools = numberOfTools;
    }

    public int getStepsVersion() {
        return stepsVersion;
    }

    public void setStepsVersion(int stepsVersion) {
        this.stepsVersion = stepsVersion;
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
