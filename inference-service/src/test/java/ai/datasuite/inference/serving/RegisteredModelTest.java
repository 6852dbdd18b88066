package ai.datasuite.inference.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import ai.datasuite.problem.ProblemException;

/** The lease an event loop takes: it never waits for a load, and refuses a model that is not loaded as before. */
class RegisteredModelTest {

    @Test
    void aLeaseWithoutWaitingIsNullWhileALoadIsUnderWayAnd409WhenNothingIsLoaded() {
        RegisteredModel entry = new RegisteredModel("m");
        entry.loading = new CompletableFuture<>();
        assertNull(entry.leaseWithoutWaiting(), "a load under way: the caller waits elsewhere");
        entry.loading = null;
        ProblemException refused = assertThrows(ProblemException.class, entry::leaseWithoutWaiting);
        assertEquals(409, refused.status());
        assertEquals(409, assertThrows(ProblemException.class, entry::lease).status());
    }
}
