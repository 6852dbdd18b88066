package ai.datasuite.metadata.dataset;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One Q&A dataset of retrieval-service: its name, the stored file that holds its CSV (ingest-service wrote it; the
 * row is in {@code files}) and the facts retrieval-service found when it validated the file.
 */
@Entity
@Table(name = "datasets")
public class Dataset {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "file_id", nullable = false)
    private String fileId;

    @Column(name = "owner_id")
    private String ownerId;

    // "rows" is reserved in MariaDB (window frames), hence the num_ prefix in the table.
    @Column(name = "num_rows", nullable = false)
    private int rows;

    @Column(name = "num_contexts", nullable = false)
    private int distinctContexts;

    /** The CSV header as a JSON array of strings; the API exposes it as a list. */
    @Column(name = "column_names", nullable = false)
    private String columnNames;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFileId() {
        return fileId;
    }

    public void setFileId(String fileId) {
        this.fileId = fileId;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    public int getRows() {
        return rows;
    }

    public void setRows(int rows) {
        this.rows = rows;
    }

    public int getDistinctContexts() {
        return distinctContexts;
    }

    public void setDistinctContexts(int distinctContexts) {
        this.distinctContexts = distinctContexts;
    }

    public String getColumnNames() {
        return columnNames;
    }

    public void setColumnNames(String columnNames) {
        this.columnNames = columnNames;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public void setUploadedAt(Instant uploadedAt) {
        this.uploadedAt = uploadedAt;
    }
}
