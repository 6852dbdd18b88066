package ai.datasuite.gateway.client;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

/**
 * Start-up work that needs other services (resuming what a previous run left): the gateway may come up before them
 * ({@code ./suite start} and compose start everything at once), so the work runs on its own thread and is tried again
 * every {@code delay} until it reaches them, at most {@code attempts} times.
 */
public final class StartupAttempts {

    private static final Logger LOG = Logger.getLogger(StartupAttempts.class);

    private StartupAttempts() {
    }

    /** {@code attempt} answers true when it reached the services (whatever it then found), false to be tried again. */
    public static void run(String what, BooleanSupplier attempt, Duration delay, int attempts) {
        Thread thread = new Thread(() -> {
            for (int i = 1; i <= attempts; i++) {
                if (attempt.getAsBoolean()) {
                    return;
                }
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            LOG.warnf("Gave up %s after %d attempts %s apart; it runs again at the next start", what, attempts, delay);
        }, "startup-" + what.replace(' ', '-'));
        thread.setDaemon(true);
        thread.start();
    }
}
