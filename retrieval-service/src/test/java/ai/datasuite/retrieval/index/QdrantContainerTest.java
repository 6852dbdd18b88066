package ai.datasuite.retrieval.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.qdrant.QdrantContainer;

import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

/**
 * The Qdrant store against a real Qdrant server, where Docker exists (skipped, with that reason, where it does not;
 * {@link QdrantVectorStoreTest} checks the exact requests everywhere): dense and sparse search, owner filters,
 * deletes, and the same top-k as the embedded store on the same points.
 */
@Testcontainers(disabledWithoutDocker = true)
class QdrantContainerTest {

    @Container
    static final QdrantContainer QDRANT = new QdrantContainer("qdrant/qdrant:v1.18.0");

    static QdrantVectorStore qdrant;
    static EmbeddedVectorStore embedded;

    @TempDir
    static Path dir;

    @BeforeAll
    static void connect() {
        qdrant = QdrantVectorStore.connect(QDRANT.getHost(), QDRANT.getGrpcPort(), false, null, Duration.ofSeconds(30), 64);
        embedded = new EmbeddedVectorStore(dir);
    }

    @AfterAll
    static void close() {
        embedded.close();
    }

    @Test
    void sameTopKAsTheEmbeddedStoreWithOwnerFilters() {
        Random random = new Random(7);
        List<VectorPoint> points = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            float[] dense = unit(random, 32);
            SparseVector sparse = new SparseVector(new int[] {i % 17, 20 + i % 5}, new float[] {1f, 0.5f + random.nextFloat()});
            points.add(new VectorPoint(i, dense, sparse, Map.of("owner", i % 2 == 0 ? "alice" : "bob",
                    "source_file_id", "f" + (i % 10))));
        }
        for (var store : List.of(qdrant, embedded)) {
            store.ensureCollection("c", 32, true);
            store.upsert("c", points);
        }
        assertEquals(300, qdrant.count("c"));

        for (int q = 0; q < 10; q++) {
            float[] query = unit(random, 32);
            List<Long> fromQdrant = ids(qdrant.searchDense("c", query, 5, Map.of("owner", "alice")));
            assertEquals(ids(embedded.searchDense("c", query, 5, Map.of("owner", "alice"))), fromQdrant);
            assertTrue(fromQdrant.stream().allMatch(id -> id % 2 == 0), "alice's points only: " + fromQdrant);
        }
        SparseVector term = new SparseVector(new int[] {3, 21}, new float[] {1f, 1f});
        assertEquals(ids(embedded.searchSparse("c", term, 5, Map.of("owner", "bob"))),
                ids(qdrant.searchSparse("c", term, 5, Map.of("owner", "bob"))));

        qdrant.delete("c", Map.of("owner", "bob", "source_file_id", "f1"));
        assertEquals(270, qdrant.count("c"));
        qdrant.dropCollection("c");
        assertEquals(0, qdrant.count("c"));
    }

    private static List<Long> ids(List<ScoredPoint> hits) {
        return hits.stream().map(ScoredPoint::id).toList();
    }

    private static float[] unit(Random random, int dim) {
        float[] v = new float[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dim; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
