package ai.datasuite.metadata.evaluation;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class EvaluationRepository implements PanacheRepositoryBase<Evaluation, String> {
}
