package ai.datasuite.metadata.finetune;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class FineTuneJobRepository implements PanacheRepositoryBase<FineTuneJob, String> {
}
