package ai.datasuite.gateway.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * The few-shot examples are the products whose ids rank lowest: spread over a category sorted by sub-category (as
 * the retail demo file is) instead of its first rows, and the same on every run.
 */
class ExampleDrawTest {

    @Test
    void theLowestRanksOfACategoryInRowOrderAreSpreadOverItsRows() {
        List<Long> ids = LongStream.rangeClosed(1_000, 1_199).boxed().toList(); // 200 products, in row order
        List<Long> drawn = ids.stream().sorted(Comparator.comparingLong(CategorizeService::rank)).limit(20).toList();
        long firstQuarter = drawn.stream().filter(id -> id < 1_050).count();
        long lastQuarter = drawn.stream().filter(id -> id >= 1_150).count();
        assertTrue(firstQuarter >= 1 && firstQuarter <= 12, "from the first 50 rows: " + drawn);
        assertTrue(lastQuarter >= 1 && lastQuarter <= 12, "from the last 50 rows: " + drawn);
        assertEquals(drawn, ids.stream().sorted(Comparator.comparingLong(CategorizeService::rank)).limit(20).toList());
    }

    @Test
    void ranksAreNonNegativeAndDistinctForNeighbouringIds() {
        long distinct = LongStream.range(0, 10_000).map(CategorizeService::rank).distinct().count();
        assertEquals(10_000, distinct);
        assertTrue(LongStream.range(0, 10_000).map(CategorizeService::rank).allMatch(r -> r >= 0));
    }
}
