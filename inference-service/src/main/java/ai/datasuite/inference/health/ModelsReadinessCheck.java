package ai.datasuite.inference.health;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import ai.datasuite.inference.serving.ModelRegistry;

/** Ready once every model that loads at startup is loaded; until then (or if one failed) it says which and why. */
@Readiness
@ApplicationScoped
class ModelsReadinessCheck implements HealthCheck {

    private final ModelRegistry registry;

    public ModelsReadinessCheck(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, String> notReady = registry.notReady();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("models").status(notReady.isEmpty());
        notReady.forEach(builder::withData);
        return builder.build();
    }
}
