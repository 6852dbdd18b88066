package ai.datasuite.metadata.product;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;

import ai.datasuite.metadata.chart.BarCharts;

/**
 * Products per category of a catalog, counted by the database with GROUP BY; the answer carries the very SQL text
 * that ran, so a reader can run it again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CategoryCountService {

    static final String UNCATEGORIZED = "(uncategorized)";
    private static final String PREDICTED_SQL = "SELECT predicted_category AS category, COUNT(*) AS count FROM"
            + " products WHERE catalog_id = ? GROUP BY predicted_category ORDER BY count DESC, category";
    private static final String TRUE_SQL = "SELECT category AS category, COUNT(*) AS count FROM products"
            + " WHERE catalog_id = ? GROUP BY category ORDER BY count DESC, category";

    /** {@code {"catalog_id","source","sql","counts":[{"category","count"}],"total"}}; category null: none yet. */
    @Schema(name = "CategoryCounts")
    public record CountsView(long catalogId, String source, String sql, List<Count> counts, long total) {
    }

    @Schema(name = "CategoryCount")
    public record Count(String category, long count) {
    }

    private final CatalogService catalogs;
    private final ProductRepository products;

    public CategoryCountService(CatalogService catalogs, ProductRepository products) {
        this.catalogs = catalogs;
        this.products = products;
    }

    public CountsView counts(long catalogId, ProductService.LabelSource source, Predicate<String> canSee) {
        catalogs.visible(catalogId, canSee);
        String sql = source == ProductService.LabelSource.TRUE ? TRUE_SQL : PREDICTED_SQL;
        List<Count> counts = products.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            List<Count> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setLong(1, catalogId);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Count(row.getString(1), row.getLong(2)));
                    }
                }
            }
            return rows;
        });
        long total = counts.stream().mapToLong(Count::count).sum();
        return new CountsView(catalogId, source.label(), sql, counts, total);
    }

    /** The counts as a horizontal bar chart, most frequent on top. */
    public static byte[] png(CountsView counts) {
        BarCharts.Bars bars = new BarCharts.Bars("Products per " + (counts.source().equals("true") ? "true"
                : "predicted") + " category, catalog " + counts.catalogId(), "Category", "Products")
                .horizontal().integers();
        for (Count count : counts.counts()) {
            bars.add("products", count.category() == null ? UNCATEGORIZED : count.category(), count.count());
        }
        int height = Math.max(300, 120 + 24 * counts.counts().size());
        return BarCharts.png(bars, 900, height);
    }
}
