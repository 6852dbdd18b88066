package ai.datasuite.metadata.file;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;

/** One stored object (and its extracted text) as ingest-service described it. */
@Entity
@Table(name = "files")
public class FileRecord {

    public static final String STATUS_STORED = "STORED";

    @Id
    private String id;

    @Column(name = "owner_id", nullable = false)
    private String ownerId;

    @Column(name = "original_name", nullable = false)
    private String originalName;

    private String extension;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(name = "name_media_type")
    private String nameMediaType;

    @Column(name = "extension_mismatch", nullable = false)
    private boolean extensionMismatch;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Column(nullable = false)
    private String bucket;

    @Column(name = "object_key", nullable = false)
    private String objectKey;

    @Column(name = "data_type")
    private String dataType;

    // A join table rather than a delimited column, so "files with tag X" is a plain indexed look-up.
    @ElementCollection
    @CollectionTable(name = "file_tags", joinColumns = @JoinColumn(name = "file_id"))
    @Column(name = "tag", nullable = false)
    @BatchSize(size = 200)
    private Set<String> tags = new LinkedHashSet<>();

    @Column(name = "text_key")
    private String textKey;

    @Column(name = "text_length")
    private Long textLength;

    @Column(name = "text_truncated", nullable = false)
    private boolean textTruncated;

    /** Analysis facts as JSON text; the API exposes it as an object. */
    private String details;

    @Column(name = "task_id")
    private String taskId;

    @Column(nullable = false)
    private String status = STATUS_STORED;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

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

    public String getOriginalName() {
        return originalName;
    }

    public void setOriginalName(String originalName) {
        this.originalName = originalName;
    }

    public String getExtension() {
        return extension;
    }

    public void setExtension(String extension) {
        this.extension = extension;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String getNameMediaType() {
        return nameMediaType;
    }

    public void setNameMediaType(String nameMediaType) {
        this.nameMediaType = nameMediaType;
    }

    public boolean isExtensionMismatch() {
        return extensionMismatch;
    }

    public void setExtensionMismatch(boolean extensionMismatch) {
        this.extensionMismatch = extensionMismatch;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public void setSizeBytes(long sizeBytes) {
        this.sizeBytes = sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public String getObjectKey() {
        return objectKey;
    }

    public void setObjectKey(String objectKey) {
        this.objectKey = objectKey;
    }

    public String getDataType() {
        return dataType;
    }

    public void setDataType(String dataType) {
        this.dataType = dataType;
    }

    public Set<String> getTags() {
        return tags;
    }

    public void setTags(Set<String> tags) {
        this.tags = tags;
    }

    public String getTextKey() {
        return textKey;
    }

    public void setTextKey(String textKey) {
        this.textKey = textKey;
    }

    public Long getTextLength() {
        return textLength;
    }

    public void setTextLength(Long textLength) {
        this.textLength = textLength;
    }

    public boolean isTextTruncated() {
        return textTruncated;
    }

    public void setTextTruncated(boolean textTruncated) {
        this.textTruncated = textTruncated;
    }

    public String getDetails() {
        return details;
    }

    public void setDetails(String details) {
        this.details = details;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
