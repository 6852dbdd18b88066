package ai.datasuite.metadata.product;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, Long> {

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
}
