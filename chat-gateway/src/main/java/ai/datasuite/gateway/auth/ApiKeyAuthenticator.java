package ai.datasuite.gateway.auth;

import java.security.MessageDigest;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import ai.datasuite.gateway.client.MetadataKeysClient;
import ai.datasuite.gateway.client.StoredKey;
import ai.datasuite.gateway.config.KeysConfig;
import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.key.KeyCache;
import ai.datasuite.gateway.key.KeyHolder;
import ai.datasuite.identity.Roles;

/**
 * Who an API key belongs to: the bootstrap admin key (compared by hash in constant time, needs no other service),
 * else a recent answer from {@link KeyCache}, else metadata-service's key store. The one authenticator of the REST
 * endpoints ({@link ApiKeyIdentityProvider}) and the proxied routes.
 */
@Singleton
public class ApiKeyAuthenticator {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_KEY_ID = "bootstrap-admin";
    private static final Logger LOG = Logger.getLogger(ApiKeyAuthenticator.class);

    private final KeyCache cache;
    private final MetadataKeysClient store;
    private final byte[] adminDigest;

    public ApiKeyAuthenticator(KeysConfig config, KeyCache cache, MetadataKeysClient store) {
        this.cache = cache;
        this.store = store;
        this.adminDigest = config.adminKey().filter(key -> !key.isBlank()).map(ApiKeys::digest).orElse(null);
        if (adminDigest == null) {
            LOG.warn("No bootstrap admin key (SUITE_ADMIN_KEY / gateway.keys.admin-key): only stored keys work.");
        }
    }

    /**
     * The holder when memory alone answers: the bootstrap admin or a cached key. Throws 401 for a key known to be
     * invalid; null when metadata-service has to be asked ({@link #authenticate}, which blocks).
     */
    public KeyHolder fromMemory(String key) {
        if (adminDigest != null && MessageDigest.isEqual(ApiKeys.digest(key), adminDigest)) {
            return new KeyHolder(ADMIN_KEY_ID, ADMIN_USER, Roles.ADMIN);
        }
        if (!ApiKeys.looksGenerated(key)) {
            throw AuthProblems.unknownKey(); // never issued by a gateway: no need to ask
        }
        Optional<KeyCache.Entry> cached = cache.get(ApiKeys.hash(key));
        if (cached.isEmpty()) {
            return null;
        }
        if (cached.get().holder() == null) {
            throw AuthProblems.unknownKey();
        }
        return cached.get().holder();
    }

    /**
     * The key's holder; 401 problem for an unknown or revoked key, metadata-service's 503 problem when the store
     * cannot be asked. Blocks on a cache miss: call it from a worker thread.
     */
    public KeyHolder authenticate(String key) {
        KeyHolder known = fromMemory(key);
        if (known != null) {
            return known;
        }
        String hash = ApiKeys.hash(key);
        Optional<StoredKey> stored = store.lookup(hash);
        if (stored.isEmpty() || !Roles.PEOPLE.contains(stored.get().role())) {
            cache.putUnknown(hash);
            throw AuthProblems.unknownKey();
        }
        KeyHolder holder = new KeyHolder(stored.get().id(), stored.get().userId(), stored.get().role());
        cache.putFound(hash, holder);
        return holder;
    }
}
