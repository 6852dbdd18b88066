package ai.datasuite.problem.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A remote call's failure becomes the right problem: passed on, absent, 502, or 503 naming the dependency. */
@QuarkusTest
class RemoteCallsTest {

    @Inject
    FakeRemoteClient client;

    @Test
    void theInjectedProxyNamesTheDependency() {
        assertEquals("fake-service", client.service());
        assertTrue(client.baseUrl().startsWith("http://localhost:"), client.baseUrl());
        assertEquals("fake-service-unavailable", client.unavailableSlug());
    }

    @Test
    void answerAndAbsence() {
        assertEquals("thing", client.get(200).orElseThrow().get("name"));
        assertTrue(client.get(404).isEmpty());
    }

    @Test
    void theCallersMistakesArePassedOnWithTheRemoteDetailAndFieldErrors() {
        RemoteRejectedException e = assertThrows(RemoteRejectedException.class, () -> client.get(400));
        assertEquals(400, e.status());
        assertEquals("validation", e.slug());
        assertEquals("remote says 400", e.detail());
        assertEquals(List.of(Map.of("field", "name", "message", "must not be blank")), e.extensions().get("errors"));
        assertEquals(409, assertThrows(RemoteRejectedException.class, () -> client.get(409)).status());
    }

    @Test
    void otherRejectionsAreADisagreementBetweenServices() {
        RemoteRejectedException e = assertThrows(RemoteRejectedException.class, () -> client.get(422));
        assertEquals(502, e.status());
        assertEquals("fake-service-rejected", e.slug());
        assertEquals(422, e.remoteStatus());
    }

    @Test
    void serverFailuresAreUnavailableWithRetryAfter() {
        RemoteUnavailableException e = assertThrows(RemoteUnavailableException.class, () -> client.get(503));
        assertEquals(503, e.status());
        assertEquals("fake-service-unavailable", e.slug());
        assertEquals("5", e.headers().get("Retry-After"));
        assertTrue(e.definitelyNotApplied(), "a 503 answer changed nothing");
        assertFalse(e.neverReached());
        RemoteUnavailableException failed = assertThrows(RemoteUnavailableException.class, () -> client.get(500));
        assertFalse(failed.definitelyNotApplied(), "a 500 may have applied part of the call");
    }

    @Test
    void aTimeoutOfTheFaultToleranceLayerIsTheSameUnavailableProblem() {
        RemoteUnavailableException e = assertThrows(RemoteUnavailableException.class, client::slow);
        assertTrue(e.detail().contains("no answer in time"), e.detail());
        assertTrue(e.detail().contains("fake-service"), e.detail());
        assertFalse(e.detail().contains(client.baseUrl()), "the internal address goes to the log only: " + e.detail());
    }

    @Test
    void aPerMethodKeyIsReadOnlyWhereTheMethodCarriesTheAnnotationItself() {
        assertEquals("late", client.slowWithOwnTimeout().get("name"), "its own 12 s timeout waits for the 6 s answer");
        RemoteUnavailableException e = assertThrows(RemoteUnavailableException.class, client::slowWithIgnoredKey);
        assertTrue(e.detail().contains("no answer in time"), "the class's 3 s still applies: " + e.detail());
    }
}
