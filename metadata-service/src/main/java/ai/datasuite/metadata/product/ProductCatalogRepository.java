package ai.datasuite.metadata.product;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProductCatalogRepository implements PanacheRepositoryBase<ProductCatalog, Long> {

    /** The highest version of this owner's catalog name, 0 when none. */
    public int latestVersion(String owner, String name) {
        Integer latest = getEntityManager().createQuery(
                        "select max(c.version) from ProductCatalog c where c.ownerId = :owner and c.name = :name",
                        Integer.class)
                .setParameter("owner", owner).setParameter("name", name).getSingleResult();
        return latest == null ? 0 : latest;
    }
}
