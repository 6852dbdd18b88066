package ai.datasuite.retrieval.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;

import ai.datasuite.retrieval.client.FakeQdrant;
import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

/** The exact gRPC requests the Qdrant store sends, and how it maps the answers; against an in-process fake. */
class QdrantVectorStoreTest {

    @TempDir
    Path dir;

    FakeQdrant fake;
    QdrantVectorStore store;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeQdrant(dir.resolve("fake"));
        store = new QdrantVectorStore(fake.client(), 2);
    }

    @AfterEach
    void stop() {
        store.close();
        fake.close();
    }

    @Test
    void createsTheCollectionWithNamedVectorsAndTenantIndexOnce() {
        store.ensureCollection("m1", 4, true);
        store.ensureCollection("m1", 4, true);

        assertEquals(1, fake.requests(CollectionExistsRequest.class).size());
        CreateCollection create = fake.requests(CreateCollection.class).get(0);
        assertEquals("m1", create.getCollectionName());
        var dense = create.getVectorsConfig().getParamsMap().getMapMap().get("dense");
        assertEquals(4, dense.getSize());
        assertEquals(Distance.Dot, dense.getDistance());
        assertTrue(create.getSparseVectorsConfig().getMapMap().containsKey("sparse"));
        List<CreateFieldIndexCollection> indexes = fake.requests(CreateFieldIndexCollection.class);
        assertEquals(QdrantVectorStore.INDEXED_KEYS,
                indexes.stream().map(CreateFieldIndexCollection::getFieldName).toList());
        for (CreateFieldIndexCollection index : indexes) {
            assertEquals(FieldType.FieldTypeKeyword, index.getFieldType());
            assertTrue(index.getWait());
            assertEquals(index.getFieldName().equals("owner"),
                    index.getFieldIndexParams().getKeywordIndexParams().getIsTenant());
        }

        // A sparse-only collection has no dense vector config at all.
        store.ensureCollection("s1", 0, true);
        CreateCollection sparseOnly = fake.requests(CreateCollection.class).get(1);
        assertTrue(sparseOnly.getVectorsConfig().getParamsMap().getMapMap().isEmpty());
    }

    @Test
    void pointsScrollPageByPageWithVectorsPayloadsAndFilter() {
        assertTrue(store.points("absent", Map.of()).isEmpty(), "an absent collection has no points");
        store.ensureCollection("items-c", 2, false);
        List<VectorPoint> points = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            points.add(new VectorPoint(20 + i, new float[] {i, -i}, null,
                    Map.of("item_id", "p" + i, "owner", i % 2 == 0 ? "alice" : "bob")));
        }
        store.upsert("items-c", points);

        List<VectorPoint> all = store.points("items-c", Map.of());
        assertEquals(List.of(20L, 21L, 22L, 23L, 24L), all.stream().map(VectorPoint::id).sorted().toList());
        VectorPoint third = all.stream().filter(p -> p.id() == 22).findFirst().orElseThrow();
        assertEquals(2f, third.dense()[0]);
        assertEquals(-2f, third.dense()[1]);
        assertEquals("p2", third.payload().get("item_id"));
        // batch size 2: three pages, each asking for vectors and payload, the next from the offset given
        List<ScrollPoints> scrolls = fake.requests(ScrollPoints.class);
        assertEquals(4, scrolls.size()); // one for the absent collection, three pages
        assertTrue(scrolls.get(1).getWithVectors().getEnable() && scrolls.get(1).getWithPayload().getEnable());
        assertEquals(2, scrolls.get(1).getLimit());
        assertFalse(scrolls.get(1).hasOffset());
        assertEquals(22, scrolls.get(2).getOffset().getNum());

        List<VectorPoint> one = store.points("items-c", Map.of("item_id", "p3"));
        assertEquals(1, one.size());
        assertEquals(23, one.get(0).id());
        assertEquals("item_id", fake.requests(ScrollPoints.class).get(4).getFilter().getMust(0).getField().getKey());
    }

    @Test
    void upsertsInBatchesWithWaitAndNamedVectors() {
        store.ensureCollection("m1", 2, true);
        List<VectorPoint> points = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            points.add(new VectorPoint(10 + i, new float[] {i, 1f},
                    new SparseVector(new int[] {i, 7}, new float[] {0.5f, 0.25f}),
                    Map.of("owner", "alice", "position", Integer.toString(i))));
        }
        store.upsert("m1", points);

        List<UpsertPoints> upserts = fake.requests(UpsertPoints.class);
        assertEquals(List.of(2, 2, 1), upserts.stream().map(UpsertPoints::getPointsCount).toList());
        assertTrue(upserts.stream().allMatch(UpsertPoints::getWait));
        PointStruct third = upserts.get(1).getPoints(0);
        assertEquals(12, third.getId().getNum());
        var vectors = third.getVectors().getVectors().getVectorsMap();
        assertEquals(List.of(2f, 1f), vectors.get("dense").getDense().getDataList());
        assertEquals(List.of(2, 7), vectors.get("sparse").getSparse().getIndicesList());
        assertEquals(List.of(0.5f, 0.25f), vectors.get("sparse").getSparse().getValuesList());
        assertEquals(Value.newBuilder().setStringValue("alice").build(), third.getPayloadMap().get("owner"));
        assertEquals("2", third.getPayloadMap().get("position").getStringValue());
    }

    @Test
    void searchesWithUsingLimitFilterAndMapsHits() {
        store.ensureCollection("m1", 2, true);
        store.upsert("m1", List.of(
                new VectorPoint(1, new float[] {1f, 0f}, new SparseVector(new int[] {3}, new float[] {1f}),
                        Map.of("owner", "alice")),
                new VectorPoint(2, new float[] {0.6f, 0.8f}, new SparseVector(new int[] {3, 4}, new float[] {2f, 1f}),
                        Map.of("owner", "bob"))));
        fake.addToEveryHit("chunk_count", Value.newBuilder().setIntegerValue(3).build());

        List<ScoredPoint> dense = store.searchDense("m1", new float[] {0f, 1f}, 5, Map.of("owner", "bob"));
        QueryPoints query = fake.requests(QueryPoints.class).get(0);
        assertEquals("m1", query.getCollectionName());
        assertEquals("dense", query.getUsing());
        assertEquals(List.of(0f, 1f), query.getQuery().getNearest().getDense().getDataList());
        assertEquals(5, query.getLimit());
        assertTrue(query.getWithPayload().getEnable());
        Condition must = query.getFilter().getMust(0);
        assertEquals("owner", must.getField().getKey());
        assertEquals("bob", must.getField().getMatch().getKeyword());
        assertEquals(1, query.getFilter().getMustCount());
        assertEquals(1, dense.size());
        assertEquals(2, dense.get(0).id());
        assertEquals(0.8, dense.get(0).score(), 1e-6);
        assertEquals(Map.of("owner", "bob", "chunk_count", "3"), dense.get(0).payload());

        List<ScoredPoint> sparse = store.searchSparse("m1", new SparseVector(new int[] {3}, new float[] {1f}), 1,
                Map.of());
        QueryPoints sparseQuery = fake.requests(QueryPoints.class).get(1);
        assertEquals("sparse", sparseQuery.getUsing());
        assertEquals(List.of(3), sparseQuery.getQuery().getNearest().getSparse().getIndicesList());
        assertTrue(!sparseQuery.hasFilter());
        assertEquals(List.of(2L), sparse.stream().map(ScoredPoint::id).toList());
        assertEquals(2.0, sparse.get(0).score(), 1e-6);

        // An absent collection answers NOT_FOUND: mapped to no hits and a count of 0, as the embedded store does.
        assertEquals(List.of(), store.searchDense("absent", new float[] {1f, 0f}, 3, Map.of()));
        assertEquals(0, store.count("absent"));
    }

    @Test
    void deletesByFilterAndReportsHowMany() {
        store.ensureCollection("m1", 2, false);
        store.upsert("m1", List.of(
                new VectorPoint(1, new float[] {1f, 0f}, null, Map.of("owner", "alice", "source_file_id", "f1")),
                new VectorPoint(2, new float[] {1f, 0f}, null, Map.of("owner", "alice", "source_file_id", "f2")),
                new VectorPoint(3, new float[] {1f, 0f}, null, Map.of("owner", "bob", "source_file_id", "f1"))));

        assertEquals(1, store.delete("m1", Map.of("owner", "alice", "source_file_id", "f1")));

        CountPoints count = fake.requests(CountPoints.class).get(0);
        assertTrue(count.getExact());
        assertEquals(2, count.getFilter().getMustCount());
        DeletePoints delete = fake.requests(DeletePoints.class).get(0);
        assertTrue(delete.getWait());
        assertEquals("m1", delete.getCollectionName());
        assertEquals(List.of("owner", "source_file_id"), delete.getPoints().getFilter().getMustList().stream()
                .map(c -> c.getField().getKey()).toList());
        assertEquals(List.of("alice", "f1"), delete.getPoints().getFilter().getMustList().stream()
                .map(c -> c.getField().getMatch().getKeyword()).toList());
        assertEquals(2, store.count("m1"));
        // Nothing matches: no delete request at all.
        assertEquals(0, store.delete("m1", Map.of("owner", "carol")));
        assertEquals(1, fake.requests(DeletePoints.class).size());

        store.dropCollection("m1");
        assertEquals(0, store.count("m1"));
    }

    @Test
    void sameTopKAsTheEmbeddedStore() {
        // The fake stores what it receives and searches it with its own EmbeddedVectorStore: equal answers show the
        // requests and the answers lose nothing (ids, float values, sparse terms, payload, filters) on the way.
        EmbeddedVectorStore embedded = new EmbeddedVectorStore(dir.resolve("embedded"));
        Random random = new Random(5);
        List<VectorPoint> points = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            float[] v = new float[24];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) random.nextGaussian();
            }
            points.add(new VectorPoint(i, v, new SparseVector(new int[] {i % 5, 5 + i % 11, 40 + random.nextInt(30)},
                    new float[] {random.nextFloat(), random.nextFloat(), random.nextFloat()}),
                    Map.of("owner", "u" + (i % 4), "context_id", Integer.toString(i))));
        }
        for (var s : List.of(embedded, store)) {
            s.ensureCollection("same", 24, true);
            s.upsert("same", points);
        }
        for (int q = 0; q < 10; q++) {
            float[] query = points.get(q * 7).dense().clone();
            query[0] += 0.5f;
            Map<String, String> filter = q % 2 == 0 ? Map.of() : Map.of("owner", "u" + (q % 4));
            assertEquals(embedded.searchDense("same", query, 10, filter), store.searchDense("same", query, 10, filter));
            SparseVector sq = new SparseVector(new int[] {q % 5, 5 + q, 50}, new float[] {1f, 0.5f, 2f});
            assertEquals(embedded.searchSparse("same", sq, 10, filter), store.searchSparse("same", sq, 10, filter));
        }
        assertEquals(embedded.count("same"), store.count("same"));
    }
}
