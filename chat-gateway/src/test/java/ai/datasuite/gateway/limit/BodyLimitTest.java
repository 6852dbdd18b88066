package ai.datasuite.gateway.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BodyLimitTest {

    @Test
    void theLimitIsNamedAsConfigured() {
        assertEquals("2 GiB", BodyLimit.describe(2L * 1024 * 1024 * 1024));
        assertEquals("1 MiB", BodyLimit.describe(1024 * 1024));
        assertEquals("1500 bytes", BodyLimit.describe(1500));
        assertEquals("1025 KiB", BodyLimit.describe(1025 * 1024));
    }
}
