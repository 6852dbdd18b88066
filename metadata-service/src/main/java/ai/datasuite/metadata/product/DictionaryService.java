package ai.datasuite.metadata.product;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import ai.datasuite.metadata.common.Persistence;
import ai.datasuite.metadata.config.MetadataConfig;
import ai.datasuite.problem.ProblemException;

/**
 * The data dictionary of a catalog: per column its type, description (edited, else a default naming the source
 * column) and statistics computed by the database over the products table (COUNT, COUNT(DISTINCT), MIN/MAX of the
 * value or of its LENGTH, up to 5 distinct examples).
 */
@ApplicationScoped
@Transactional
public class DictionaryService {

    private static final int EXAMPLES = 5;

    private final CatalogService catalogs;
    private final DictionaryRepository entries;
    private final ProductMapper mapper;
    private final MetadataConfig.Products limits;

    public DictionaryService(CatalogService catalogs, DictionaryRepository entries, ProductMapper mapper,
                             MetadataConfig config) {
        this.catalogs = catalogs;
        this.entries = entries;
        this.mapper = mapper;
        this.limits = config.products();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DictionaryView dictionary(long catalogId, Predicate<String> canSee) {
        ProductCatalog catalog = catalogs.visible(catalogId, canSee);
        Map<String, String> edited = edited(catalogId);
        Map<String, String> mapping = mapper.strings(catalog.getMappingJson());
        long rows = entries.getEntityManager().createQuery(
                        "select count(p) from Product p where p.catalogId = :id", Long.class)
                .setParameter("id", catalogId).getSingleResult();
        List<DictionaryView.ColumnView> columns = new ArrayList<>();
        for (DictionaryColumns.Column column : DictionaryColumns.ALL) {
            columns.add(stats(catalogId, column, rows, edited.getOrDefault(column.name(),
                    defaultDescription(column, mapping))));
        }
        return new DictionaryView(catalog.getId(), catalog.getName(), catalog.getVersion(), rows, columns);
    }

    /** Stores a column's description and answers the column as the dictionary now shows it. */
    public DictionaryView.ColumnView describe(long catalogId, String columnName, String description,
                                              Predicate<String> canSee) {
        catalogs.visible(catalogId, canSee);
        DictionaryColumns.Column column = DictionaryColumns.named(columnName)
                .orElseThrow(() -> ProblemException.notFound("No column '" + columnName + "' in the data dictionary"
                        + " (columns: " + String.join(", ", ParquetExport.columns()) + ")"));
        DictionaryEntry entry = entries.findById(new DictionaryEntry.Key(catalogId, column.name()));
        boolean created = entry == null;
        if (created) {
            entry = new DictionaryEntry(catalogId, column.name());
        }
        entry.setDescription(description.strip());
        entry.setUpdatedAt(Persistence.now());
        if (created) {
            entries.persist(entry);
        }
        try {
            entries.flush();
        } catch (PersistenceException e) {
            if (Persistence.isConstraintViolation(e)) {
                throw Persistence.concurrentConflict("edit of the column '" + column.name() + "'");
            }
            throw e;
        }
        return dictionary(catalogId, canSee).columns().stream().filter(c -> c.name().equals(column.name()))
                .findFirst().orElseThrow();
    }

    /** The seed's data_dict.yaml layout: dataset, version, rows, then each column with its statistics. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> dictionaryDocument(long catalogId, Predicate<String> canSee) {
        DictionaryView view = dictionary(catalogId, canSee);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dataset", view.name());
        doc.put("version", view.version());
        doc.put("catalog_id", view.catalogId());
        doc.put("rows", view.rows());
        List<Map<String, Object>> columns = new ArrayList<>();
        for (DictionaryView.ColumnView c : view.columns()) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("name", c.name());
            column.put("type", c.type());
            column.put("description", c.description());
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("null_count", c.nullCount());
            stats.put("distinct_count", c.distinctCount());
            if (c.minLength() != null || c.maxLength() != null) {
                stats.put("min_length", c.minLength());
                stats.put("max_length", c.maxLength());
            }
            if (c.min() != null || c.max() != null) {
                stats.put("min", c.min());
                stats.put("max", c.max());
            }
            stats.put("examples", c.examples());
            column.put("stats", stats);
            columns.add(column);
        }
        doc.put("columns", columns);
        return doc;
    }

    /** A table schema: fields with type, nullable/required and constraints; primary key row_number. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> schemaDocument(long catalogId, Predicate<String> canSee) {
        ProductCatalog catalog = catalogs.visible(catalogId, canSee);
        Map<String, String> edited = edited(catalogId);
        Map<String, String> mapping = mapper.strings(catalog.getMappingJson());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", catalog.getName());
        doc.put("version", catalog.getVersion());
        doc.put("format", "parquet");
        doc.put("primary_key", List.of("row_number"));
        List<Map<String, Object>> fields = new ArrayList<>();
        for (DictionaryColumns.Column c : DictionaryColumns.ALL) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", c.name());
            field.put("type", c.type());
            field.put("description", edited.getOrDefault(c.name(), defaultDescription(c, mapping)));
            field.put("nullable", !c.required());
            field.put("required", c.required());
            Map<String, Object> constraints = new LinkedHashMap<>();
            switch (c.name()) {
                case "row_number" -> {
                    constraints.put("unique", true);
                    constraints.put("minimum", 1);
                }
                case "title" -> constraints.put("max_length", limits.maxTitleChars());
                case "description" -> constraints.put("max_length", limits.maxDescriptionChars());
                case "id", "category" -> constraints.put("max_length", ProductRows.MAX_SHORT_TEXT);
                case "price" -> {
                    constraints.put("precision", 14);
                    constraints.put("scale", 2);
                }
                case "attributes" -> constraints.put("format", "json-object");
                default -> {
                }
            }
            field.put("constraints", constraints);
            fields.add(field);
        }
        doc.put("fields", fields);
        return doc;
    }

    private DictionaryView.ColumnView stats(long catalogId, DictionaryColumns.Column column, long rows,
                                            String description) {
        EntityManager em = entries.getEntityManager();
        String f = "p." + column.field();
        String measure = column.text() ? "min(length(" + f + ")), max(length(" + f + "))" : "min(" + f + "), max("
                + f + ")";
        Object[] row = em.createQuery("select count(" + f + "), count(distinct " + f + "), " + measure
                        + " from Product p where p.catalogId = :id", Object[].class)
                .setParameter("id", catalogId).getSingleResult();
        long present = ((Number) row[0]).longValue();
        long distinct = ((Number) row[1]).longValue();
        List<Object> examples = em.createQuery("select distinct " + f + " from Product p where p.catalogId = :id"
                        + " and " + f + " is not null order by " + f, Object.class)
                .setParameter("id", catalogId).setMaxResults(EXAMPLES).getResultList();
        Integer minLength = column.text() && row[2] != null ? ((Number) row[2]).intValue() : null;
        Integer maxLength = column.text() && row[3] != null ? ((Number) row[3]).intValue() : null;
        return new DictionaryView.ColumnView(column.name(), column.type(), description, rows - present, distinct,
                minLength, maxLength, column.text() ? null : row[2], column.text() ? null : row[3],
                List.copyOf(examples));
    }

    private Map<String, String> edited(long catalogId) {
        return entries.list("catalogId", catalogId).stream()
                .collect(Collectors.toMap(DictionaryEntry::getColumnName, DictionaryEntry::getDescription));
    }

    private static String defaultDescription(DictionaryColumns.Column column, Map<String, String> mapping) {
        if (column.mappedFrom() == null) {
            return column.about() + ".";
        }
        String source = mapping.get(column.mappedFrom());
        return column.about() + (source == null ? "; not in the source file (empty)."
                : "; from the source column '" + source + "'.");
    }
}
