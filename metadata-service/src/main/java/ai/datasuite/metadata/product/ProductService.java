package ai.datasuite.metadata.product;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import ai.datasuite.metadata.common.InvalidField;
import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.common.Persistence;
import ai.datasuite.metadata.config.MetadataConfig;
import ai.datasuite.problem.ProblemException;

/** The products of a catalog: paging with filters, one product, stored predictions and the label maps. */
@ApplicationScoped
@Transactional
public class ProductService {

    /** Which label a map or count reads: the file's category or the stored prediction. */
    public enum LabelSource {
        TRUE("category"),
        PREDICTED("predictedCategory");

        private final String field;

        LabelSource(String field) {
            this.field = field;
        }

        public String label() {
            return this == TRUE ? "true" : "predicted";
        }

        public static LabelSource parse(String value, LabelSource fallback) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            return switch (value.strip()) {
                case "true" -> TRUE;
                case "predicted" -> PREDICTED;
                default -> throw InvalidField.problem("source", "must be true or predicted");
            };
        }
    }

    /** {@code {"catalog_id", "source", "labels": {"101": "apparel"}}}. */
    @Schema(name = "ProductLabels")
    public record LabelsView(long catalogId, String source, Map<String, String> labels) {
    }

    /** {@code {"updated": n}}. */
    @Schema(name = "ProductPredictionsStored")
    public record UpdatedView(int updated) {
    }

    private final CatalogService catalogs;
    private final ProductRepository products;
    private final ProductMapper mapper;
    private final MetadataConfig.Products limits;

    public ProductService(CatalogService catalogs, ProductRepository products, ProductMapper mapper,
                          MetadataConfig config) {
        this.catalogs = catalogs;
        this.products = products;
        this.mapper = mapper;
        this.limits = config.products();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<ProductView> list(long catalogId, String category, String predicted, int page, int size,
                                      Predicate<String> canSee) {
        catalogs.visible(catalogId, canSee);
        Persistence.Where where = new Persistence.Where().equal("catalogId", catalogId)
                .equal("category", blankToNull(category)).equal("predictedCategory", blankToNull(predicted));
        PanacheQuery<Product> found = products.find(where.clause(), Sort.by("rowNumber"), where.parameters());
        List<ProductView> items = found.page(Persistence.page(page, size)).list().stream().map(mapper::toView)
                .toList();
        return new PageView<>(items, page, size, found.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProductView find(long productId, Predicate<String> canSee) {
        Product product = Optional.ofNullable(products.findById(productId))
                .orElseThrow(() -> ProblemException.notFound("No product " + productId));
        try {
            catalogs.visible(product.getCatalogId(), canSee);
        } catch (ProblemException e) {
            throw ProblemException.notFound("No product " + productId);
        }
        return mapper.toView(product);
    }

    /** Stores the predictions (last write wins); any product id outside the catalog refuses them all. */
    public UpdatedView predict(long catalogId, PredictionsRequest request, Predicate<String> canSee) {
        catalogs.visible(catalogId, canSee);
        if (request.predictions().size() > limits.maxPredictions()) {
            throw ProblemException.tooLarge("More than " + limits.maxPredictions()
                    + " predictions in one call (metadata.products.max-predictions); send them in batches");
        }
        Map<Long, PredictionsRequest.Prediction> byId = new LinkedHashMap<>();
        for (PredictionsRequest.Prediction prediction : request.predictions()) {
            byId.put(prediction.productId(), prediction);
        }
        Map<Long, Product> found = products.list("catalogId = ?1 and id in ?2", catalogId, List.copyOf(byId.keySet()))
                .stream().collect(Collectors.toMap(Product::getId, Function.identity()));
        TreeSet<Long> unknown = new TreeSet<>(byId.keySet());
        unknown.removeAll(found.keySet());
        if (!unknown.isEmpty()) {
            throw InvalidField.problem("predictions", "name products that are not in catalog " + catalogId + ": "
                    + unknown.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", ")));
        }
        Instant now = Persistence.now();
        String modelVersion = blankToNull(request.modelVersion());
        byId.forEach((id, p) -> found.get(id).predict(p.category().strip(), p.score(), request.mode().strip(),
                modelVersion, now));
        return new UpdatedView(byId.size());
    }

    /** Product id to label, products without that label left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LabelsView labels(long catalogId, LabelSource source, Predicate<String> canSee) {
        catalogs.visible(catalogId, canSee);
        List<Object[]> rows = products.getEntityManager().createQuery("select p.id, p." + source.field
                        + " from Product p where p.catalogId = :id and p." + source.field + " is not null"
                        + " order by p.rowNumber", Object[].class)
                .setParameter("id", catalogId).getResultList();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Object[] row : rows) {
            labels.put(String.valueOf(row[0]), (String) row[1]);
        }
        return new LabelsView(catalogId, source.label(), labels);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
