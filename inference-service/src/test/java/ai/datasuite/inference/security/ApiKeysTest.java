package ai.datasuite.inference.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.datasuite.inference.config.SecurityConfig;

class ApiKeysTest {

    private static ApiKeys keys(String... entries) {
        SecurityConfig config = () -> entries.length == 0 ? Optional.empty() : Optional.of(List.of(entries));
        return new ApiKeys(config);
    }

    @Test
    void noKeysMeansEveryKeyIsUnknown() {
        ApiKeys none = keys();
        assertTrue(none.none());
        assertTrue(none.find("anything").isEmpty());
    }

    @Test
    void entriesNameTheirHolderAndGiveTheAdminRole() {
        ApiKeys keys = keys("alice:k1", " bob:k2 ", "carol:k3:reader|auditor");
        assertFalse(keys.none());
        assertEquals(new ApiKeys.Holder("alice", Set.of("admin")), keys.find("k1").orElseThrow());
        assertEquals("bob", keys.find("k2").orElseThrow().name());
        assertEquals(Set.of("reader", "auditor"), keys.find("k3").orElseThrow().roles());
        assertTrue(keys.find("k4").isEmpty());
        assertTrue(keys.find("K1").isEmpty(), "keys are case sensitive");
    }

    @Test
    void malformedEntriesFailWithoutEchoingTheSecret() {
        for (String bad : List.of("only-a-name", "name:", ":secret-value", "a:b:c:d")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> keys(bad));
            assertTrue(e.getMessage().contains("name:key"), e.getMessage());
            assertFalse(e.getMessage().contains("secret-value"));
        }
    }

    @Test
    void twoHoldersCannotShareAKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> keys("a:same", "b:same"));
        assertTrue(e.getMessage().contains("share"));
    }
}
