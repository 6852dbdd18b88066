package ai.datasuite.metadata.product;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An edited description of one data dictionary column; columns without one keep their default text. */
@Entity
@Table(name = "product_dictionary")
@IdClass(DictionaryEntry.Key.class)
public class DictionaryEntry {

    @Id
    @Column(name = "catalog_id")
    private long catalogId;

    @Id
    @Column(name = "column_name")
    private String columnName;

    @Column(nullable = false)
    private String description;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DictionaryEntry() {
    }

    public DictionaryEntry(long catalogId, String columnName) {
        this.catalogId = catalogId;
        this.columnName = columnName;
    }

    public long getCatalogId() {
        return catalogId;
    }

    public String getColumnName() {
        return columnName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** The composite primary key (catalog_id, column_name). */
    public static class Key implements Serializable {

        private long catalogId;
        private String columnName;

        public Key() {
        }

        public Key(long catalogId, String columnName) {
            this.catalogId = catalogId;
            this.columnName = columnName;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.catalogId == catalogId && Objects.equals(k.columnName, columnName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(catalogId, columnName);
        }
    }
}
