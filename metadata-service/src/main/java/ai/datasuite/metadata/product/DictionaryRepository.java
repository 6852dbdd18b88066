package ai.datasuite.metadata.product;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DictionaryRepository implements PanacheRepositoryBase<DictionaryEntry, DictionaryEntry.Key> {
}
