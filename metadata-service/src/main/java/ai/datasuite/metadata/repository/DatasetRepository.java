package ai.datasuite.metadata.repository;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.metadata.Dataset;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DatasetRepository implements PanacheRepositoryBase<Dataset, String> {
}
