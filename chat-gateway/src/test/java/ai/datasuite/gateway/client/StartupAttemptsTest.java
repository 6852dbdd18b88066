package ai.datasuite.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class StartupAttemptsTest {

    @Test
    void workThatCannotReachTheServicesYetIsTriedAgainUntilItDoes() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        CountDownLatch reached = new CountDownLatch(1);
        StartupAttempts.run("test work", () -> {
            if (tries.incrementAndGet() < 3) {
                return false; // metadata-service not up yet
            }
            reached.countDown();
            return true;
        }, Duration.ofMillis(10), 10);
        assertTrue(reached.await(5, TimeUnit.SECONDS));
        Thread.sleep(100);
        assertEquals(3, tries.get(), "no attempt after the one that reached the services");
    }

    @Test
    void itGivesUpAfterTheLastAttempt() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        StartupAttempts.run("hopeless work", () -> {
            tries.incrementAndGet();
            return false;
        }, Duration.ofMillis(5), 4);
        for (int i = 0; i < 200 && tries.get() < 4; i++) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        assertEquals(4, tries.get());
    }
}
