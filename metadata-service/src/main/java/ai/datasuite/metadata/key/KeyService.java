package ai.datasuite.metadata.key;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import ai.datasuite.metadata.common.PageView;
import ai.datasuite.metadata.common.Persistence;
import ai.datasuite.problem.ProblemException;

/** The API key store of chat-gateway: register, list, get, delete, and look a key up by its hash. */
@ApplicationScoped
@Transactional
public class KeyService {

    private final ApiKeyRepository keys;

    public KeyService(ApiKeyRepository keys) {
        this.keys = keys;
    }

    /** Stores the key; 409 when a key with this hash is already stored. */
    public KeyView create(KeyCreateRequest request) {
        String hash = request.keyHash().toLowerCase(Locale.ROOT);
        if (keys.findByHash(hash).isPresent()) {
            throw duplicate();
        }
        ApiKey key = new ApiKey();
        key.setId(UUID.randomUUID().toString());
        key.setKeyHash(hash);
        key.setKeyPrefix(request.keyPrefix());
        key.setUserId(request.userId());
        key.setRole(request.role());
        key.setCreatedAt(Persistence.now());
        try {
            keys.persist(key);
            // Now rather than at commit: a concurrent create of the same hash surfaces here as a key violation.
            keys.flush();
        } catch (PersistenceException e) {
            if (Persistence.isConstraintViolation(e)) {
                throw duplicate();
            }
            throw e;
        }
        return KeyView.of(key);
    }

    /** Newest first (created_at desc, then id); {@code userId} null means every user. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<KeyView> list(String userId, int page, int size) {
        String where = userId == null ? "1 = 1" : "userId = :userId";
        Parameters params = userId == null ? new Parameters() : Parameters.with("userId", userId);
        PanacheQuery<ApiKey> found = keys.find(where, Sort.descending("createdAt").and("id"), params);
        List<KeyView> items = found.page(Persistence.page(page, size)).list().stream().map(KeyView::of).toList();
        return new PageView<>(items, page, size, found.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KeyView> find(String id) {
        return keys.findByIdOptional(id.toLowerCase(Locale.ROOT)).map(KeyView::of);
    }

    /** The key whose hash this is (hex in either case). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KeyView> lookup(String keyHash) {
        return keys.findByHash(keyHash.toLowerCase(Locale.ROOT)).map(KeyView::of);
    }

    /** Removes the key at once (the gateway evicts its cache); false when there was none. */
    public boolean delete(String id) {
        return keys.deleteById(id.toLowerCase(Locale.ROOT));
    }

    private static ProblemException duplicate() {
        return ProblemException.conflict("A key with this key_hash is already stored");
    }
}
