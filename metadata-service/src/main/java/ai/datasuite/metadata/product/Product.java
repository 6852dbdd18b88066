package ai.datasuite.metadata.product;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One product row of a catalog: the mapped columns, the rest as JSON attributes, and the latest prediction. */
@Entity
@Table(name = "products")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "catalog_id", nullable = false)
    private long catalogId;

    /** The source file's 1-based data row. */
    @Column(name = "row_no", nullable = false)
    private int rowNumber;

    @Column(name = "source_id")
    private String sourceId;

    @Column(nullable = false)
    private String title;

    private String description;

    private String category;

    private BigDecimal price;

    /** A JSON object of strings, or null when every source column was mapped. */
    private String attributes;

    @Column(name = "predicted_category")
    private String predictedCategory;

    @Column(name = "predicted_score")
    private Double predictedScore;

    @Column(name = "predicted_mode")
    private String predictedMode;

    @Column(name = "predicted_model_version")
    private String predictedModelVersion;

    @Column(name = "categorized_at")
    private Instant categorizedAt;

    public Long getId() {
        return id;
    }

    public long getCatalogId() {
        return catalogId;
    }

    public void setCatalogId(long catalogId) {
        this.catalogId = catalogId;
    }

    public int getRowNumber() {
        return rowNumber;
    }

    public void setRowNumber(int rowNumber) {
        this.rowNumber = rowNumber;
    }

    public String getSourceId() {
        return sourceId;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public String getAttributes() {
        return attributes;
    }

    public void setAttributes(String attributes) {
        this.attributes = attributes;
    }

    public String getPredictedCategory() {
        return predictedCategory;
    }

    public Double getPredictedScore() {
        return predictedScore;
    }

    public String getPredictedMode() {
        return predictedMode;
    }

    public String getPredictedModelVersion() {
        return predictedModelVersion;
    }

    public Instant getCategorizedAt() {
        return categorizedAt;
    }

    /** Replaces the prediction as a whole: the newest categorization wins. */
    public void predict(String category, Double score, String mode, String modelVersion, Instant at) {
        this.predictedCategory = category;
        this.predictedScore = score;
        this.predictedMode = mode;
        this.predictedModelVersion = modelVersion;
        this.categorizedAt = at;
    }
}
