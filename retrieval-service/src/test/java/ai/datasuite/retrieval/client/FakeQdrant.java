package ai.datasuite.retrieval.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.protobuf.Message;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.DeleteCollection;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CountResponse;
import io.qdrant.client.grpc.Points.CountResult;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.QueryResponse;
import io.qdrant.client.grpc.Points.NamedVectorsOutput;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.PointsGrpc;

import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.SparseVector;
import ai.datasuite.vectorindex.VectorPoint;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

/**
 * An in-process gRPC server speaking Qdrant's Points and Collections services. It records every request, and it
 * really stores and searches: it decodes each request back into plain vectors and hands them to an
 * {@link EmbeddedVectorStore}, so what comes back went through the whole client-side mapping twice.
 */
public final class FakeQdrant implements AutoCloseable {

    final List<Message> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Value> extraPayload = new HashMap<>();
    private final EmbeddedVectorStore backing;
    private final Server server;
    private final String name = "qdrant-" + UUID.randomUUID();

    public FakeQdrant(Path dir) throws IOException {
        backing = new EmbeddedVectorStore(dir);
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(new Points())
                .addService(new Collections())
                .build().start();
    }

    /** Extra payload the fake adds to every hit from now on, to check the mapping of non-string values. */
    public void addToEveryHit(String key, Value value) {
        extraPayload.put(key, value);
    }

    public QdrantClient client() {
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        return new QdrantClient(QdrantGrpcClient.newBuilder(channel, true, false).build());
    }

    @SuppressWarnings("unchecked")
    public <T extends Message> List<T> requests(Class<T> type) {
        return (List<T>) requests.stream().filter(type::isInstance).toList();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private static Map<String, String> filter(Filter filter) {
        Map<String, String> out = new HashMap<>();
        for (Condition c : filter.getMustList()) {
            out.put(c.getField().getKey(), c.getField().getMatch().getKeyword());
        }
        return out;
    }

    private static PointsOperationResponse completed() {
        return PointsOperationResponse.newBuilder()
                .setResult(UpdateResult.newBuilder().setStatus(UpdateStatus.Completed)).build();
    }

    private final class Points extends PointsGrpc.PointsImplBase {

        @Override
        public void upsert(UpsertPoints request, StreamObserver<PointsOperationResponse> out) {
            requests.add(request);
            List<VectorPoint> points = new ArrayList<>();
            for (PointStruct p : request.getPointsList()) {
                var named = p.getVectors().getVectors().getVectorsMap();
                float[] dense = null;
                if (named.containsKey("dense")) {
                    List<Float> data = named.get("dense").getDense().getDataList();
                    dense = new float[data.size()];
                    for (int i = 0; i < dense.length; i++) {
                        dense[i] = data.get(i);
                    }
                }
                SparseVector sparse = named.containsKey("sparse") ? sparse(named.get("sparse").getSparse()) : null;
                Map<String, String> payload = new HashMap<>();
                p.getPayloadMap().forEach((k, v) -> payload.put(k, v.getStringValue()));
                points.add(new VectorPoint(p.getId().getNum(), dense, sparse, payload));
            }
            backing.upsert(request.getCollectionName(), points);
            out.onNext(completed());
            out.onCompleted();
        }

        @Override
        public void query(QueryPoints request, StreamObserver<QueryResponse> out) {
            requests.add(request);
            if (!backing.collections().contains(request.getCollectionName())) {
                out.onError(Status.NOT_FOUND.withDescription("Collection not found").asRuntimeException());
                return;
            }
            VectorInput input = request.getQuery().getNearest();
            Map<String, String> filter = filter(request.getFilter());
            int k = (int) request.getLimit();
            List<ScoredPoint> hits;
            if (request.getUsing().equals("sparse")) {
                hits = backing.searchSparse(request.getCollectionName(), sparse(input.getSparse()), k, filter);
            } else {
                List<Float> data = input.getDense().getDataList();
                float[] q = new float[data.size()];
                for (int i = 0; i < q.length; i++) {
                    q[i] = data.get(i);
                }
                hits = backing.searchDense(request.getCollectionName(), q, k, filter);
            }
            QueryResponse.Builder response = QueryResponse.newBuilder();
            for (ScoredPoint hit : hits) {
                var point = io.qdrant.client.grpc.Points.ScoredPoint.newBuilder()
                        .setId(io.qdrant.client.grpc.Common.PointId.newBuilder().setNum(hit.id()))
                        .setScore((float) hit.score());
                if (request.getWithPayload().getEnable()) {
                    hit.payload().forEach((key, v) -> point.putPayload(key,
                            Value.newBuilder().setStringValue(v).build()));
                    point.putAllPayload(extraPayload);
                }
                response.addResult(point);
            }
            out.onNext(response.build());
            out.onCompleted();
        }

        /** Pages in id order: from {@code offset}, {@code limit} points, the next page's first id as its offset. */
        @Override
        public void scroll(ScrollPoints request, StreamObserver<ScrollResponse> out) {
            requests.add(request);
            if (!backing.collections().contains(request.getCollectionName())) {
                out.onError(Status.NOT_FOUND.withDescription("Collection not found").asRuntimeException());
                return;
            }
            long from = request.hasOffset() ? request.getOffset().getNum() : Long.MIN_VALUE;
            List<VectorPoint> page = backing.points(request.getCollectionName(), filter(request.getFilter()))
                    .stream().filter(p -> p.id() >= from).sorted(java.util.Comparator.comparingLong(VectorPoint::id))
                    .toList();
            ScrollResponse.Builder response = ScrollResponse.newBuilder();
            int limit = request.hasLimit() ? request.getLimit() : 10;
            for (VectorPoint p : page.subList(0, Math.min(limit, page.size()))) {
                RetrievedPoint.Builder point = RetrievedPoint.newBuilder()
                        .setId(io.qdrant.client.grpc.Common.PointId.newBuilder().setNum(p.id()));
                if (request.getWithPayload().getEnable()) {
                    p.payload().forEach((key, v) -> point.putPayload(key, Value.newBuilder().setStringValue(v).build()));
                }
                if (request.getWithVectors().getEnable() && p.dense() != null) {
                    io.qdrant.client.grpc.Points.DenseVector.Builder dense =
                            io.qdrant.client.grpc.Points.DenseVector.newBuilder();
                    for (float v : p.dense()) {
                        dense.addData(v);
                    }
                    point.setVectors(VectorsOutput.newBuilder().setVectors(NamedVectorsOutput.newBuilder()
                            .putVectors("dense", VectorOutput.newBuilder().setDense(dense).build())));
                }
                response.addResult(point);
            }
            if (page.size() > limit) {
                response.setNextPageOffset(io.qdrant.client.grpc.Common.PointId.newBuilder()
                        .setNum(page.get(limit).id()));
            }
            out.onNext(response.build());
            out.onCompleted();
        }

        @Override
        public void delete(DeletePoints request, StreamObserver<PointsOperationResponse> out) {
            requests.add(request);
            backing.delete(request.getCollectionName(), filter(request.getPoints().getFilter()));
            out.onNext(completed());
            out.onCompleted();
        }

        @Override
        public void count(CountPoints request, StreamObserver<CountResponse> out) {
            requests.add(request);
            if (!backing.collections().contains(request.getCollectionName())) {
                out.onError(Status.NOT_FOUND.withDescription("Collection not found").asRuntimeException());
                return;
            }
            long count = backing.count(request.getCollectionName(), filter(request.getFilter()));
            out.onNext(CountResponse.newBuilder().setResult(CountResult.newBuilder().setCount(count)).build());
            out.onCompleted();
        }

        @Override
        public void createFieldIndex(CreateFieldIndexCollection request, StreamObserver<PointsOperationResponse> out) {
            requests.add(request);
            out.onNext(completed());
            out.onCompleted();
        }
    }

    private final class Collections extends CollectionsGrpc.CollectionsImplBase {

        @Override
        public void collectionExists(CollectionExistsRequest request, StreamObserver<CollectionExistsResponse> out) {
            requests.add(request);
            boolean exists = backing.collections().contains(request.getCollectionName());
            out.onNext(CollectionExistsResponse.newBuilder()
                    .setResult(CollectionExists.newBuilder().setExists(exists)).build());
            out.onCompleted();
        }

        @Override
        public void create(CreateCollection request, StreamObserver<CollectionOperationResponse> out) {
            requests.add(request);
            var dense = request.getVectorsConfig().getParamsMap().getMapMap().get("dense");
            int dim = dense == null ? 0 : (int) dense.getSize();
            backing.ensureCollection(request.getCollectionName(), dim,
                    request.getSparseVectorsConfig().getMapMap().containsKey("sparse"));
            out.onNext(CollectionOperationResponse.newBuilder().setResult(true).build());
            out.onCompleted();
        }

        @Override
        public void delete(DeleteCollection request, StreamObserver<CollectionOperationResponse> out) {
            requests.add(request);
            backing.dropCollection(request.getCollectionName());
            out.onNext(CollectionOperationResponse.newBuilder().setResult(true).build());
            out.onCompleted();
        }
    }

    private static SparseVector sparse(io.qdrant.client.grpc.Points.SparseVector s) {
        int[] idx = s.getIndicesList().stream().mapToInt(Integer::intValue).toArray();
        float[] val = new float[s.getValuesCount()];
        for (int i = 0; i < val.length; i++) {
            val[i] = s.getValues(i);
        }
        return new SparseVector(idx, val);
    }
}
