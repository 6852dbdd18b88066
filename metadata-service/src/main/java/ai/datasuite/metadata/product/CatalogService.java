package ai.datasuite.metadata.product;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import ai.datasuite.metadata.common.InvalidField;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.common.Persistence;
import ai.datasuite.metadata.config.MetadataConfig;
import ai.datasuite.problem.ProblemException;

/**
 * Product catalogs: import (read, map, validate, store as one new version), listing, look-up, the Parquet file id,
 * delete. Owner rules: the caller's own catalogs; admins (and services) see all; another's is "not found".
 */
@ApplicationScoped
@Transactional
public class CatalogService {

    public static final String INVALID_ROWS = "invalid-rows";
    static final int MAX_REPORTED_ERRORS = 50;
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    /** What an import asks for, besides the body. */
    public record ImportRequest(String name, String sourceName, ProductFormat format, String mapping,
                                boolean skipBadRows) {
    }

    private final ProductCatalogRepository catalogs;
    private final ProductRepository products;
    private final ProductImportParser parser;
    private final ProductMapper mapper;
    private final ObjectMapper json;
    private final MetadataConfig.Products limits;

    public CatalogService(ProductCatalogRepository catalogs, ProductRepository products, ProductImportParser parser,
                          ProductMapper mapper, ObjectMapper json, MetadataConfig config) {
        this.catalogs = catalogs;
        this.products = products;
        this.parser = parser;
        this.mapper = mapper;
        this.json = json;
        this.limits = config.products();
    }

    public CatalogView importCatalog(InputStream in, ImportRequest request, String owner) throws IOException {
        long maxBytes = limits.maxBodyBytes().asLongValue();
        // At most one byte more than allowed, so an oversized body is refused without buffering it all.
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            throw ProblemException.tooLarge("The import is larger than " + maxBytes
                    + " bytes (metadata.products.max-body-bytes)");
        }
        if (body.length == 0) {
            throw ProblemException.validation("The import body is empty; send the CSV or JSON lines file");
        }
        Map<String, String> requested = readMapping(request.mapping());
        ProductImportParser.Source source = parser.read(body, request.format(), limits.maxRows());
        Map<String, String> mapping = requested == null ? ColumnMapping.detect(source.columns())
                : ColumnMapping.given(requested, source.columns());
        ProductRows.Result converted = new ProductRows(json, limits).convert(source.rows(), mapping);
        List<RowError> errors = new ArrayList<>(source.errors());
        errors.addAll(converted.errors());
        errors.sort(Comparator.comparingInt(RowError::row));
        if (!errors.isEmpty() && !request.skipBadRows()) {
            throw invalidRows(errors);
        }
        if (converted.products().isEmpty()) {
            throw ProblemException.validation("No product row to store" + (errors.isEmpty() ? "" :
                    " (" + errors.size() + " row(s) skipped)"));
        }

        ProductCatalog catalog = new ProductCatalog();
        catalog.setOwnerId(owner);
        catalog.setName(request.name());
        catalog.setVersion(catalogs.latestVersion(owner, request.name()) + 1);
        catalog.setSourceName(request.sourceName());
        catalog.setFormat(request.format().label());
        catalog.setMappingJson(mapper.write(mapping));
        catalog.setRowCount(converted.products().size());
        catalog.setCreatedAt(Persistence.now());
        catalogs.persist(catalog);
        flush();
        List<Product> rows = converted.products();
        products.insertAll(catalog.getId(), rows);
        long labelled = rows.stream().filter(p -> p.getCategory() != null).count();
        return mapper.toView(catalog, new long[] {labelled, 0},
                request.skipBadRows() ? errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS)) : null,
                request.skipBadRows() ? errors.size() : null);
    }

    /** Newest first; an owner filter of null lists everyone's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<CatalogView> list(String owner, int page, int size) {
        Sort order = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        PanacheQuery<ProductCatalog> found = owner == null ? catalogs.findAll(order)
                : catalogs.find("ownerId", order, owner);
        List<ProductCatalog> items = found.page(Persistence.page(page, size)).list();
        Map<Long, long[]> counts = products.labelCounts(items.stream().map(ProductCatalog::getId).toList());
        return new PageView<>(items.stream()
                .map(c -> mapper.toView(c, counts.getOrDefault(c.getId(), new long[2]), null, null)).toList(),
                page, size, found.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CatalogView view(long id, Predicate<String> canSee) {
        return view(visible(id, canSee));
    }

    public CatalogView setParquetFile(long id, String fileId, Predicate<String> canSee) {
        ProductCatalog catalog = visible(id, canSee);
        catalog.setParquetFileId(fileId.strip());
        return view(catalog);
    }

    /** Removes the catalog; its products and dictionary go with it (ON DELETE CASCADE). */
    public void delete(long id, Predicate<String> canSee) {
        ProductCatalog catalog = visible(id, canSee);
        products.delete("catalogId", catalog.getId());
        catalogs.delete(catalog);
    }

    /** The catalog when the caller may see it, else 404 (another owner's catalog is not found, not forbidden). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProductCatalog visible(long id, Predicate<String> canSee) {
        return Optional.ofNullable(catalogs.findById(id)).filter(c -> canSee.test(c.getOwnerId()))
                .orElseThrow(() -> notFound(id));
    }

    public static ProblemException notFound(long id) {
        return ProblemException.notFound("No product catalog " + id);
    }

    private CatalogView view(ProductCatalog catalog) {
        long[] counts = products.labelCounts(List.of(catalog.getId())).getOrDefault(catalog.getId(), new long[2]);
        return mapper.toView(catalog, counts, null, null);
    }

    private Map<String, String> readMapping(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Map<String, String> mapping = json.readValue(text, STRINGS);
            if (mapping == null) {
                throw InvalidField.problem("mapping", "must be a JSON object of column names");
            }
            return mapping;
        } catch (JsonProcessingException e) {
            throw InvalidField.problem("mapping", "must be a JSON object such as {\"title\": \"product_name\"}");
        }
    }

    private static ProblemException invalidRows(List<RowError> errors) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("errors", errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS)).stream()
                .map(RowError::member).toList());
        extensions.put("error_count", errors.size());
        String rows = errors.stream().map(e -> String.valueOf(e.row())).distinct().limit(20)
                .collect(Collectors.joining(", "));
        return new ProblemException(400, INVALID_ROWS, "Invalid rows", errors.size()
                + " problem(s) in the file, nothing was stored (rows " + rows + "); fix them, or import with"
                + " on_error=skip to store the other rows", extensions);
    }

    private void flush() {
        try {
            catalogs.flush();
        } catch (PersistenceException e) {
            if (Persistence.isConstraintViolation(e)) {
                throw Persistence.concurrentConflict("import of the same catalog name");
            }
            throw e;
        }
    }
}
