package ai.datasuite.metadata.product;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CategoryListRepository implements PanacheRepositoryBase<CategoryList, Long> {
}
