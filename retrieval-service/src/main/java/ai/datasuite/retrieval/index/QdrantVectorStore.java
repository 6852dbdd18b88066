package ai.datasuite.retrieval.index;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Points.NamedVectors;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.Vectors;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;

import com.google.common.util.concurrent.ListenableFuture;

import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;
import ai.datasuite.vectorindex.VectorStore;
import ai.datasuite.vectorindex.VectorStoreUnavailableException;

/**
 * {@link VectorStore} on Qdrant through its gRPC client. A collection holds a named dense vector {@value #DENSE}
 * (dot product: producers normalise, so it is the cosine) and a named sparse vector {@value #SPARSE}; payload values
 * are strings, and the keys used for filtering ({@link #INDEXED_KEYS}) get keyword indexes, {@code owner} marked as
 * the tenant key. Upserts go in batches with {@code wait=true}, so they are searchable on return.
 */
public class QdrantVectorStore implements VectorStore, AutoCloseable {

    public static final String DENSE = "dense";
    public static final String SPARSE = "sparse";
    /** Payload keys that filters use; each gets a keyword index when the collection is created. */
    public static final List<String> INDEXED_KEYS = List.of("owner", "dataset_id", "source_file_id", "context_id",
            "kind", "item_id");

    private final QdrantClient client;
    private final int batchSize;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public QdrantVectorStore(QdrantClient client, int batchSize) {
        this.client = client;
        this.batchSize = Math.max(1, batchSize);
    }

    /** A store on a Qdrant server's gRPC port. */
    public static QdrantVectorStore connect(String host, int port, boolean tls, String apiKey, Duration timeout,
            int batchSize) {
        QdrantGrpcClient.Builder builder = QdrantGrpcClient.newBuilder(host, port, tls).withTimeout(timeout);
        if (apiKey != null && !apiKey.isBlank()) {
            builder.withApiKey(apiKey);
        }
        return new QdrantVectorStore(new QdrantClient(builder.build()), batchSize);
    }

    @Override
    public void ensureCollection(String collection, int denseDimension, boolean sparse) {
        if (known.contains(collection)) {
            return;
        }
        boolean exists = await(client.collectionExistsAsync(collection));
        if (!exists) {
            try {
                await(client.createCollectionAsync(createRequest(collection, denseDimension, sparse)));
            } catch (StatusRuntimeException e) {
                // Another instance may have created it between our check and our create.
                if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                    throw e;
                }
            }
            for (String key : INDEXED_KEYS) {
                await(client.createPayloadIndexAsync(indexRequest(collection, key), null));
            }
        }
        known.add(collection);
    }

    static CreateCollection createRequest(String collection, int denseDimension, boolean sparse) {
        CreateCollection.Builder create = CreateCollection.newBuilder().setCollectionName(collection);
        VectorParamsMap.Builder dense = VectorParamsMap.newBuilder();
        if (denseDimension > 0) {
            dense.putMap(DENSE, VectorParams.newBuilder().setSize(denseDimension).setDistance(Distance.Dot).build());
        }
        create.setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(dense));
        if (sparse) {
            create.setSparseVectorsConfig(
                    SparseVectorConfig.newBuilder().putMap(SPARSE, SparseVectorParams.getDefaultInstance()));
        }
        return create.build();
    }

    static CreateFieldIndexCollection indexRequest(String collection, String key) {
        CreateFieldIndexCollection.Builder index = CreateFieldIndexCollection.newBuilder()
                .setCollectionName(collection)
                .setFieldName(key)
                .setFieldType(FieldType.FieldTypeKeyword)
                .setWait(true);
        if (key.equals("owner")) {
            // Qdrant co-locates a tenant's points when the key is marked as tenant.
            index.setFieldIndexParams(io.qdrant.client.grpc.Collections.PayloadIndexParams.newBuilder()
                    .setKeywordIndexParams(io.qdrant.client.grpc.Collections.KeywordIndexParams.newBuilder()
                            .setIsTenant(true)));
        }
        return index.build();
    }

    @Override
    public void upsert(String collection, List<VectorPoint> points) {
        for (int from = 0; from < points.size(); from += batchSize) {
            List<VectorPoint> batch = points.subList(from, Math.min(points.size(), from + batchSize));
            UpsertPoints.Builder request = UpsertPoints.newBuilder().setCollectionName(collection).setWait(true);
            for (VectorPoint p : batch) {
                request.addPoints(toPoint(p));
            }
            await(client.upsertAsync(request.build()));
        }
    }

    static PointStruct toPoint(VectorPoint p) {
        if (p.id() < 0) {
            throw new IllegalArgumentException("Point ids must be non-negative: " + p.id());
        }
        NamedVectors.Builder vectors = NamedVectors.newBuilder();
        if (p.dense() != null) {
            vectors.putVectors(DENSE, Vector.newBuilder().setDense(dense(p.dense())).build());
        }
        if (p.sparse() != null) {
            vectors.putVectors(SPARSE, Vector.newBuilder().setSparse(sparse(p.sparse())).build());
        }
        PointStruct.Builder point = PointStruct.newBuilder()
                .setId(PointId.newBuilder().setNum(p.id()))
                .setVectors(Vectors.newBuilder().setVectors(vectors));
        if (p.payload() != null) {
            p.payload().forEach((key, value) -> {
                if (value != null) {
                    point.putPayload(key, Value.newBuilder().setStringValue(value).build());
                }
            });
        }
        return point.build();
    }

    @Override
    public List<ScoredPoint> searchDense(String collection, float[] query, int k, Map<String, String> filter) {
        return query(collection, DENSE, VectorInput.newBuilder().setDense(dense(query)).build(), k, filter);
    }

    @Override
    public List<ScoredPoint> searchSparse(String collection, SparseVector query, int k, Map<String, String> filter) {
        if (query.indices().length == 0) {
            return List.of(); // Qdrant rejects an empty sparse query; nothing can match it anyway
        }
        return query(collection, SPARSE, VectorInput.newBuilder().setSparse(sparse(query)).build(), k, filter);
    }

    private List<ScoredPoint> query(String collection, String using, VectorInput input, int k,
            Map<String, String> filter) {
        if (k <= 0) {
            return List.of();
        }
        QueryPoints.Builder request = QueryPoints.newBuilder()
                .setCollectionName(collection)
                .setUsing(using)
                .setQuery(Query.newBuilder().setNearest(input))
                .setLimit(k)
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(true));
        if (filter != null && !filter.isEmpty()) {
            request.setFilter(filter(filter));
        }
        List<io.qdrant.client.grpc.Points.ScoredPoint> hits;
        try {
            hits = await(client.queryAsync(request.build()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return List.of(); // an absent collection has no points, as in the embedded store
            }
            throw e;
        }
        List<ScoredPoint> out = new ArrayList<>(hits.size());
        for (io.qdrant.client.grpc.Points.ScoredPoint hit : hits) {
            out.add(new ScoredPoint(hit.getId().getNum(), hit.getScore(), payload(hit.getPayloadMap())));
        }
        return out;
    }

    /** Scrolls the matching points a page ({@code batch-size}) at a time, with payloads and dense vectors. */
    @Override
    public List<VectorPoint> points(String collection, Map<String, String> filter) {
        List<VectorPoint> out = new ArrayList<>();
        PointId offset = null;
        do {
            ScrollPoints.Builder request = ScrollPoints.newBuilder()
                    .setCollectionName(collection)
                    .setLimit(batchSize)
                    .setWithPayload(WithPayloadSelector.newBuilder().setEnable(true))
                    .setWithVectors(WithVectorsSelector.newBuilder().setEnable(true));
            if (filter != null && !filter.isEmpty()) {
                request.setFilter(filter(filter));
            }
            if (offset != null) {
                request.setOffset(offset);
            }
            ScrollResponse page;
            try {
                page = await(client.scrollAsync(request.build()));
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                    return List.of(); // an absent collection has no points, as in the embedded store
                }
                throw e;
            }
            for (RetrievedPoint p : page.getResultList()) {
                out.add(new VectorPoint(p.getId().getNum(), denseOf(p), null, payload(p.getPayloadMap())));
            }
            offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
        } while (offset != null);
        return out;
    }

    private static float[] denseOf(RetrievedPoint p) {
        VectorOutput v = p.getVectors().getVectors().getVectorsMap().get(DENSE);
        if (v == null) {
            return null;
        }
        List<Float> data = v.hasDense() ? v.getDense().getDataList() : v.getDataList();
        float[] out = new float[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.get(i);
        }
        return out;
    }

    @Override
    public long delete(String collection, Map<String, String> filter) {
        long matching = countMatching(collection, filter);
        if (matching == 0) {
            return 0;
        }
        DeletePoints request = DeletePoints.newBuilder()
                .setCollectionName(collection)
                .setWait(true)
                .setPoints(PointsSelector.newBuilder().setFilter(filter(filter == null ? Map.of() : filter)))
                .build();
        await(client.deleteAsync(request));
        return matching;
    }

    /** Every collection of the Qdrant server, sorted (this service's and any other's: callers pick theirs by name). */
    @Override
    public List<String> collections() {
        return await(client.listCollectionsAsync()).stream().sorted().toList();
    }

    @Override
    public void dropCollection(String collection) {
        known.remove(collection);
        if (await(client.collectionExistsAsync(collection))) {
            await(client.deleteCollectionAsync(collection));
        }
    }

    @Override
    public long count(String collection) {
        return countMatching(collection, null);
    }

    /** Exact count; 0 when the collection is absent. */
    @Override
    public long count(String collection, Map<String, String> filter) {
        return countMatching(collection, filter);
    }

    private long countMatching(String collection, Map<String, String> filter) {
        CountPoints.Builder request = CountPoints.newBuilder().setCollectionName(collection).setExact(true);
        if (filter != null && !filter.isEmpty()) {
            request.setFilter(filter(filter));
        }
        try {
            return await(client.countAsync(request.getCollectionName(),
                    request.hasFilter() ? request.getFilter() : null, true));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return 0;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /** Every entry must match exactly: one {@code must} keyword condition per key. */
    static Filter filter(Map<String, String> filter) {
        Filter.Builder f = Filter.newBuilder();
        filter.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> f.addMust(Condition.newBuilder()
                .setField(FieldCondition.newBuilder().setKey(e.getKey())
                        .setMatch(Match.newBuilder().setKeyword(e.getValue())))));
        return f.build();
    }

    static DenseVector dense(float[] values) {
        DenseVector.Builder b = DenseVector.newBuilder();
        for (float v : values) {
            b.addData(v);
        }
        return b.build();
    }

    static io.qdrant.client.grpc.Points.SparseVector sparse(SparseVector s) {
        io.qdrant.client.grpc.Points.SparseVector.Builder b = io.qdrant.client.grpc.Points.SparseVector.newBuilder();
        for (int i = 0; i < s.indices().length; i++) {
            b.addIndices(s.indices()[i]);
            b.addValues(s.values()[i]);
        }
        return b.build();
    }

    static Map<String, String> payload(Map<String, Value> payload) {
        Map<String, String> out = new LinkedHashMap<>();
        payload.forEach((key, value) -> out.put(key, switch (value.getKindCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INTEGER_VALUE -> Long.toString(value.getIntegerValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            default -> value.toString().trim();
        }));
        return out;
    }

    private static <T> T await(ListenableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Qdrant", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException status) {
                if (status.getStatus().getCode() == Status.Code.UNAVAILABLE
                        || status.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
                    throw new VectorStoreUnavailableException("Qdrant did not answer: "
                            + status.getStatus().getCode(), status);
                }
                throw status;
            }
            throw new IllegalStateException("Qdrant call failed", e.getCause());
        }
    }
}
