package ai.datasuite.gateway.key;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import ai.datasuite.gateway.config.KeysConfig;

/**
 * Recent key lookups by hash, so most requests need no call to metadata-service: a found key for
 * {@code gateway.keys.cache-ttl}, an unknown one for {@code negative-cache-ttl}. A revoke through this gateway evicts
 * the key at once; a key revoked elsewhere stays valid here for at most the TTL.
 */
@Singleton
public class KeyCache {

    /** A cached lookup: {@code holder} null means the key is unknown. */
    public record Entry(KeyHolder holder, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    // Keys revoked here within the last TTL: a lookup that was in flight during the revoke must not cache them again.
    private final Map<String, Long> revoked = new ConcurrentHashMap<>();
    private final KeysConfig config;
    private final LongSupplier clock;

    @Inject
    public KeyCache(KeysConfig config) {
        this(config, System::nanoTime);
    }

    KeyCache(KeysConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The cached answer for this hash, if it has not expired. */
    public Optional<Entry> get(String keyHash) {
        Entry entry = entries.get(keyHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(keyHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    public void putFound(String keyHash, KeyHolder holder) {
        Long revokedUntil = revoked.get(holder.keyId());
        if (revokedUntil != null) {
            if (clock.getAsLong() - revokedUntil < 0) {
                return;
            }
            revoked.remove(holder.keyId(), revokedUntil);
        }
        put(keyHash, holder, config.cacheTtl());
    }

    public void putUnknown(String keyHash) {
        put(keyHash, null, config.negativeCacheTtl());
    }

    /** Forgets the key with this id (revoked): its next use asks metadata-service, which no longer knows it. */
    public void evictKey(String keyId) {
        long now = clock.getAsLong();
        revoked.values().removeIf(until -> now - until >= 0);
        revoked.put(keyId, now + config.cacheTtl().toNanos());
        entries.values().removeIf(entry -> entry.holder() != null && entry.holder().keyId().equals(keyId));
    }

    private void put(String keyHash, KeyHolder holder, Duration ttl) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        if (entries.size() >= config.cacheMaxEntries()) {
            long now = clock.getAsLong();
            entries.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
            if (entries.size() >= config.cacheMaxEntries()) {
                entries.clear(); // a bound, not an LRU: a cleared cache only costs lookups
            }
        }
        entries.put(keyHash, new Entry(holder, clock.getAsLong() + ttl.toNanos()));
    }
}
