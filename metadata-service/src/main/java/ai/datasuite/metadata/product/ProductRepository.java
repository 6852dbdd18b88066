package ai.datasuite.metadata.product;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, Long> {

    private static final int INSERT_BATCH = 500;

    /** Per catalog id: {products with a true category, products with a predicted one}. */
    public Map<Long, long[]> labelCounts(List<Long> catalogIds) {
        Map<Long, long[]> counts = new HashMap<>();
        if (catalogIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = getEntityManager().createQuery("""
                        select p.catalogId, count(p.category), count(p.predictedCategory) from Product p
                        where p.catalogId in :ids group by p.catalogId""", Object[].class)
                .setParameter("ids", catalogIds).getResultList();
        for (Object[] row : rows) {
            counts.put((Long) row[0], new long[] {(Long) row[1], (Long) row[2]});
        }
        return counts;
    }

    /**
     * Inserts a catalog's rows as JDBC batches: with IDENTITY ids Hibernate would send one INSERT per row, which makes
     * a large import take minutes. The rows are not attached to the persistence context.
     */
    public void insertAll(long catalogId, List<Product> rows) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO products (catalog_id, row_no, source_id, title, description, category, price,
                                          attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int pending = 0;
                for (Product row : rows) {
                    insert.setLong(1, catalogId);
                    insert.setInt(2, row.getRowNumber());
                    setText(insert, 3, row.getSourceId());
                    insert.setString(4, row.getTitle());
                    setText(insert, 5, row.getDescription());
                    setText(insert, 6, row.getCategory());
                    if (row.getPrice() == null) {
                        insert.setNull(7, Types.DECIMAL);
                    } else {
                        insert.setBigDecimal(7, row.getPrice());
                    }
                    setText(insert, 8, row.getAttributes());
                    insert.addBatch();
                    if (++pending == INSERT_BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    private static void setText(PreparedStatement insert, int index, String value) throws java.sql.SQLException {
        if (value == null) {
            insert.setNull(index, Types.VARCHAR);
        } else {
            insert.setString(index, value);
        }
    }
}
