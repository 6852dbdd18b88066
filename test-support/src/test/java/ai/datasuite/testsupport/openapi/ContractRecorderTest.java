package ai.datasuite.testsupport.openapi;

import static ai.datasuite.testsupport.openapi.OpenApiContractTest.json;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What a fake holds: violations kept until asserted, and the answers the document has no schema for, as a ratchet. */
class ContractRecorderTest {

    private final ContractRecorder recorder = new ContractRecorder("FakeShop",
            OpenApiContract.load("shop", Path.of("src/test/resources/shop.openapi.json")));

    @Test
    void keepsViolationsOfAnswersAndRequestsUntilCleared() {
        recorder.answer("POST", "/api/items", 201, "application/json", Map.of("id", "not-a-uuid", "name", "lamp"));
        recorder.request("POST", "/api/items", "application/json", Map.of("name", "lamp", "colour", "red"));
        recorder.answer("GET", "/api/items/1", 200, "application/json", json("{\"name\": \"lamp\"}"));
        assertEquals(3, recorder.violations().size(), recorder.violations()::toString);
        AssertionError error = assertThrows(AssertionError.class, recorder::assertNone);
        assertTrue(error.getMessage().startsWith("FakeShop left shop's contract 3 time(s):"), error.getMessage());
        recorder.clear();
        assertDoesNotThrow(recorder::assertNone);
    }

    @Test
    void knownViolationsOnlyShrink() {
        recorder.request("POST", "/api/items", "application/json", Map.of("name", "lamp", "colour", "red"));
        recorder.request("POST", "/api/items", "application/json", Map.of("name", "desk", "colour", "red"));
        String known = "POST /api/items (request): $.colour is not a property the provider has in ItemCreate"
                + " (it has: name, price)";
        assertDoesNotThrow(() -> recorder.assertOnly(Set.of(known)));
        AssertionError opened = assertThrows(AssertionError.class, () -> recorder.assertOnly(Set.of()));
        assertTrue(opened.getMessage().startsWith("FakeShop left shop's contract:\n  " + known), opened.getMessage());
        AssertionError closed = assertThrows(AssertionError.class, () -> recorder.assertOnly(Set.of(known, "gone")));
        assertTrue(closed.getMessage().startsWith("These violations are gone; remove them from the known ones:\n  gone"),
                closed.getMessage());
    }

    @Test
    void knownGapsOnlyShrink() {
        recorder.answer("POST", "/api/items/search", 200, "application/json", List.of());
        recorder.answer("GET", "/api/items/1", 200, "application/json", Map.of("id", "3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60",
                "name", "lamp"));
        assertEquals(Set.of("POST /api/items/search -> 200 application/json"), recorder.unchecked());
        assertDoesNotThrow(() -> recorder.assertUnchecked(Set.of("POST /api/items/search -> 200 application/json")));

        AssertionError opened = assertThrows(AssertionError.class, () -> recorder.assertUnchecked(Set.of()));
        assertTrue(opened.getMessage().contains("shop's document gives no schema for these answers of FakeShop"),
                opened.getMessage());
        AssertionError closed = assertThrows(AssertionError.class, () -> recorder.assertUnchecked(
                Set.of("POST /api/items/search -> 200 application/json", "GET /api/items/{id} -> 200 application/json")));
        assertTrue(closed.getMessage().startsWith("These answers are checked against a schema now; remove them"),
                closed.getMessage());
    }
}
