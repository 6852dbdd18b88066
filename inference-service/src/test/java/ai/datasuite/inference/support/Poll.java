package ai.datasuite.inference.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds (a job runs on its own thread); fails the test after the deadline. */
public final class Poll {

    private Poll() {
    }

    public static <T> T until(Supplier<T> probe, Predicate<T> done, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached within " + deadline + "; last value: " + last);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
