package ai.datasuite.metadata.dataset;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class DatasetRepository implements PanacheRepositoryBase<Dataset, String> {
}
