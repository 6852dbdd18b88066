package ai.datasuite.metadata.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Ready only when the migrated schema answers: the datasource check (from agroal) proves a connection,
 * this one proves Flyway ran against the database kind the service was built for.
 */
@Readiness
@ApplicationScoped
public class MetadataSchemaHealthCheck implements HealthCheck {

    private final EntityManager entityManager;
    private final String dbKind;

    public MetadataSchemaHealthCheck(EntityManager entityManager,
                                     @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.entityManager = entityManager;
        this.dbKind = dbKind;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            long files = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createQuery("select count(f) from FileRecord f", Long.class).getSingleResult());
            return HealthCheckResponse.named("metadata-schema").up()
                    .withData("db_kind", dbKind)
                    .withData("files", files)
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("metadata-schema").down()
                    .withData("db_kind", dbKind)
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
