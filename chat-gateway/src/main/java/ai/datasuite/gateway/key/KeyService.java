package ai.datasuite.gateway.key;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.gateway.client.MetadataKeysClient;
import ai.datasuite.gateway.client.NewStoredKey;
import ai.datasuite.gateway.client.StoredKey;
import ai.datasuite.gateway.client.StoredKeyPage;

/**
 * Issues, lists and revokes API keys. The key is made here and shown once; metadata-service stores only its hash and
 * prefix. A revoke evicts the key from this gateway's cache at once.
 */
@ApplicationScoped
public class KeyService {

    private final MetadataKeysClient store;
    private final KeyCache cache;

    public KeyService(MetadataKeysClient store, KeyCache cache) {
        this.store = store;
        this.cache = cache;
    }

    public CreatedKey create(NewKeyRequest request) {
        String key = ApiKeys.generate();
        StoredKey stored = store.create(new NewStoredKey(ApiKeys.hash(key), ApiKeys.prefix(key), request.userId(),
                request.role()));
        return new CreatedKey(stored.id(), key, stored.userId(), stored.role(), stored.createdAt());
    }

    public KeyPage list(String userId, int page, int size) {
        StoredKeyPage stored = store.list(userId, page, size);
        return new KeyPage(stored.items().stream().map(KeyView::of).toList(), stored.page(), stored.size(),
                stored.total());
    }

    public Optional<KeyView> get(String id) {
        return store.get(id).map(KeyView::of);
    }

    /** False when there was no such key. Evicted either way: a key gone from the store must not live on here. */
    public boolean revoke(String id) {
        try {
            return store.delete(id);
        } finally {
            cache.evictKey(id);
        }
    }
}
