package ai.datasuite.gateway.finetune;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.gateway.client.MetadataFineTuneClient;
import ai.datasuite.gateway.config.FineTuneConfig;
import ai.datasuite.identity.IdentityTokens;
import ai.datasuite.identity.Roles;

/**
 * The fine-tuned model a user's chats use: their newest succeeded job's (metadata-service's
 * {@code /api/v1/fine-tune-jobs/model}), asked as that user and remembered for {@code gateway.fine-tune.model-cache-ttl}
 * so a chat does not wait for it each time. Any failure means "none": the chat keeps the default model.
 */
@ApplicationScoped
public class FineTunedModels {

    private record Known(Optional<String> model, Instant until) {
    }

    private static final Logger LOG = Logger.getLogger(FineTunedModels.class);
    private static final int MAX_ENTRIES = 10_000;

    private final MetadataFineTuneClient metadata;
    private final IdentityTokens tokens;
    private final FineTuneConfig config;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public FineTunedModels(MetadataFineTuneClient metadata, IdentityTokens tokens, FineTuneConfig config) {
        this.metadata = metadata;
        this.tokens = tokens;
        this.config = config;
    }

    /** The user's fine-tuned model, or empty (none, or it could not be asked). */
    public Optional<String> of(String user) {
        Instant now = Instant.now();
        Known cached = known.get(user);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.model();
        }
        Optional<String> model;
        try {
            model = metadata.model(user, "Bearer " + tokens.mint(user, Roles.USER));
        } catch (RuntimeException e) {
            LOG.debugf("No fine-tuned model known for %s (%s); the default model answers", user, e.getMessage());
            model = Optional.empty();
        }
        if (known.size() >= MAX_ENTRIES) {
            known.clear(); // a bound, not an LRU: entries live seconds anyway
        }
        known.put(user, new Known(model, now.plus(config.modelCacheTtl())));
        return model;
    }

    /** Forgets what is known of the user (their job just ended). */
    void forget(String user) {
        known.remove(user);
    }
}
