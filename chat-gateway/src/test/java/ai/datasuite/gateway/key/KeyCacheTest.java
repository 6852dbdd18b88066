package ai.datasuite.gateway.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import ai.datasuite.gateway.config.KeysConfig;

class KeyCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final KeyCache cache = new KeyCache(config(Duration.ofSeconds(30), Duration.ofSeconds(2), 3), now::get);
    private final KeyHolder alice = new KeyHolder("k1", "alice", "user");

    static KeysConfig config(Duration ttl, Duration negativeTtl, int maxEntries) {
        return new KeysConfig() {
            @Override
            public Optional<String> adminKey() {
                return Optional.empty();
            }

            @Override
            public Duration cacheTtl() {
                return ttl;
            }

            @Override
            public Duration negativeCacheTtl() {
                return negativeTtl;
            }

            @Override
            public int cacheMaxEntries() {
                return maxEntries;
            }
        };
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void aFoundKeyIsKeptForItsTtl() {
        cache.putFound("h1", alice);
        advance(Duration.ofSeconds(29));
        assertEquals(alice, cache.get("h1").orElseThrow().holder());
        advance(Duration.ofSeconds(1));
        assertTrue(cache.get("h1").isEmpty());
    }

    @Test
    void anUnknownKeyIsKeptBriefly() {
        cache.putUnknown("h2");
        assertNull(cache.get("h2").orElseThrow().holder());
        advance(Duration.ofSeconds(2));
        assertTrue(cache.get("h2").isEmpty());
    }

    @Test
    void aRevokedKeyIsEvictedAndALateLookupCannotBringItBack() {
        cache.putFound("h1", alice);
        cache.evictKey("k1");
        assertTrue(cache.get("h1").isEmpty());
        cache.putFound("h1", alice); // a lookup that was in flight during the revoke
        assertTrue(cache.get("h1").isEmpty());
        advance(Duration.ofSeconds(31));
        cache.putFound("h1", alice); // long after: (not revoked again) cached as usual
        assertEquals(alice, cache.get("h1").orElseThrow().holder());
    }

    @Test
    void theCacheStaysBounded() {
        for (int i = 0; i < 10; i++) {
            cache.putFound("h" + i, new KeyHolder("k" + i, "u" + i, "user"));
        }
        int held = 0;
        for (int i = 0; i < 10; i++) {
            held += cache.get("h" + i).isPresent() ? 1 : 0;
        }
        assertTrue(held <= 3, "held " + held);
        assertTrue(cache.get("h9").isPresent(), "the newest is kept");
    }

    @Test
    void aZeroNegativeTtlCachesNoUnknownKeys() {
        KeyCache strict = new KeyCache(config(Duration.ofSeconds(30), Duration.ZERO, 10), now::get);
        strict.putUnknown("h");
        assertTrue(strict.get("h").isEmpty());
    }
}
