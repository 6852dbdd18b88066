package ai.datasuite.vectorindex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.datasuite.vectorindex.CollectionFullException;
import ai.datasuite.vectorindex.VectorPoint;

/** The index arithmetic at its boundary (without allocating gigabytes) and the store's refusal past its limit. */
class CapacityTest {

    @TempDir
    Path dir;

    @Test
    void theArrayLimitAt384DimensionsIsWhereIntArithmeticWouldOverflow() {
        int limit = Capacity.arrayLimit(384);
        assertEquals(5_592_405, limit);
        assertTrue((long) limit * 384 <= Capacity.MAX_ARRAY);
        assertTrue((long) (limit + 1) * 384 > Capacity.MAX_ARRAY);
        assertEquals((long) limit * 384, Capacity.floats(limit, 384));
        assertThrows(IllegalStateException.class, () -> Capacity.floats(limit + 1, 384));
        // Growing by half from 5,000,000 would ask for 7,500,000 x 384 floats: 2.88e9, negative as an int.
        assertEquals(limit, Capacity.grow(5_000_000, 5_000_001, 384));
        assertThrows(IllegalStateException.class, () -> Capacity.grow(limit, limit + 1L, 384));
        assertEquals(Capacity.MAX_ARRAY, Capacity.arrayLimit(0)); // sparse only: the id arrays bound it
        assertEquals(24, Capacity.grow(16, 17, 384));
    }

    @Test
    void theConfiguredLimitBindsBelowTheArrayLimit() {
        assertEquals(5_592_405, Capacity.maxPoints(384, 0));
        assertEquals(1_000_000, Capacity.maxPoints(384, 1_000_000));
        assertEquals(5_592_405, Capacity.maxPoints(384, 9_000_000));
        assertEquals(2_097_151, new EmbeddedVectorStore(dir, 32, 0).maxPoints(1024));
    }

    @Test
    void anUpsertPastTheLimitIsRefusedBeforeAnythingIsWritten() throws IOException {
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir, 32, 10);
        store.ensureCollection("c", 8, false);
        List<VectorPoint> ten = EmbeddedVectorStoreTest.randomPoints(new Random(3), 10, 8, false);
        store.upsert("c", ten);
        long files = files();

        CollectionFullException e = assertThrows(CollectionFullException.class, () -> store.upsert("c",
                List.of(EmbeddedVectorStoreTest.point(10, EmbeddedVectorStoreTest.unit(new Random(4), 8), null, "u"))));

        assertEquals(10, e.maxPoints());
        assertEquals(11, e.requested());
        assertEquals(8, e.dimension());
        assertEquals(files, files());
        assertEquals(10, store.count("c"));
        store.upsert("c", ten.subList(0, 3)); // replacing known ids adds nothing: allowed
        store.delete("c", Map.of("context_id", "0"));
        store.upsert("c", List.of(EmbeddedVectorStoreTest.point(10, ten.get(0).dense(), null, "u")));
        assertEquals(10, new EmbeddedVectorStore(dir, 32, 10).count("c"));
    }

    private long files() throws IOException {
        try (Stream<Path> list = Files.list(dir.resolve("c"))) {
            return list.count();
        }
    }
}
