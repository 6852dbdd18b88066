package ai.datasuite.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class UpstreamBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final UpstreamBreaker breaker = new UpstreamBreaker(3, Duration.ofSeconds(10), now::get);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        breaker.failure();
        breaker.failure();
        breaker.success(); // resets the count
        breaker.failure();
        breaker.failure();
        assertEquals(0, breaker.refusalMillis());
        breaker.failure();
        assertTrue(breaker.isOpen());
        assertEquals(10_000, breaker.refusalMillis());
        advance(Duration.ofSeconds(4));
        assertEquals(6_000, breaker.refusalMillis());
    }

    @Test
    void afterTheOpenDurationOneTrialPassesAndDecides() {
        for (int i = 0; i < 3; i++) {
            breaker.failure();
        }
        advance(Duration.ofSeconds(10));
        assertEquals(0, breaker.refusalMillis(), "the trial");
        assertTrue(breaker.refusalMillis() > 0, "others wait for the trial");
        breaker.failure(); // the trial failed: open again at once
        assertEquals(10_000, breaker.refusalMillis());
        advance(Duration.ofSeconds(10));
        assertEquals(0, breaker.refusalMillis());
        breaker.success();
        assertFalse(breaker.isOpen());
        assertEquals(0, breaker.refusalMillis());
    }

    @Test
    void aTrialThatNeverReportsStopsBlockingAfterAnotherOpenDuration() {
        for (int i = 0; i < 3; i++) {
            breaker.failure();
        }
        advance(Duration.ofSeconds(10));
        assertEquals(0, breaker.refusalMillis());
        advance(Duration.ofSeconds(9));
        assertTrue(breaker.refusalMillis() > 0);
        advance(Duration.ofSeconds(1));
        assertEquals(0, breaker.refusalMillis(), "a new trial");
        breaker.neutral();
        assertEquals(0, breaker.refusalMillis(), "a neutral outcome lets the next trial through");
    }
}
