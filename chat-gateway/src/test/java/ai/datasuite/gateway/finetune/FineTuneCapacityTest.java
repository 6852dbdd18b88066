package ai.datasuite.gateway.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import ai.datasuite.gateway.config.FineTuneConfig;
import ai.datasuite.gateway.finetune.FineTuneRequest.FineTuneParameters;
import ai.datasuite.problem.ProblemException;

/** The bound on jobs in flight: a slot per job, 503 naming the limit when none is left, slots given back. */
class FineTuneCapacityTest {

    private static FineTuneConfig config(int maxActiveJobs) {
        return (FineTuneConfig) Proxy.newProxyInstance(FineTuneConfig.class.getClassLoader(),
                new Class<?>[] {FineTuneConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "maxActiveJobs" -> maxActiveJobs;
                    case "threads" -> 1;
                    case "pollInterval", "maxWait", "providerTimeout", "staleAfter", "modelCacheTtl" ->
                            Duration.ofSeconds(1);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aJobBeyondTheLimitIs503NamingItAndASlotComesBack() {
        FineTuneConfig config = config(2);
        FineTuneRunner runner = new FineTuneRunner(null, null, null, null, null, null, config);
        try {
            assertTrue(runner.reserve());
            assertTrue(runner.reserve());
            assertFalse(runner.reserve());
            assertEquals(2, runner.active());

            FineTuneService service = new FineTuneService(null, runner, config);
            ProblemException busy = assertThrows(ProblemException.class,
                    () -> service.start("alice", new FineTuneParameters(5, 0.001)));
            assertEquals(503, busy.status());
            assertEquals("fine-tune-busy", busy.slug());
            assertTrue(busy.detail().contains("gateway.fine-tune.max-active-jobs"), busy.detail());
            assertEquals("60", busy.headers().get("Retry-After"));
            assertEquals(2, runner.active(), "a refused job holds no slot");

            runner.release();
            assertTrue(runner.reserve());
        } finally {
            runner.stop();
        }
    }
}
