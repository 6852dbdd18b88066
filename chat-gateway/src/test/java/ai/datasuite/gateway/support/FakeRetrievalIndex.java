package ai.datasuite.gateway.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * retrieval-service's document index in memory: {@code POST /api/v1/documents} (≤ 256 chunks; replace; upsert by
 * position), {@code DELETE /api/v1/documents?owner=&source_file_id=} and {@code POST /api/v1/documents/search}. Owner
 * rules as the real one: owner left out is the caller, another owner (also {@code _public}) only for an admin or a
 * service (403). Search scores by term overlap (words of 3+ letters shared with the query), {@code include_public}
 * adds the notices, {@code highlights} are the hits' sentences sharing the most words. {@link #failIndexing} makes
 * index calls answer 503.
 */
public final class FakeRetrievalIndex implements FakeEndpoints {

    public static final String PREFIX = "/api/v1/documents";
    public static final String PUBLIC = "_public";

    public record Chunk(String owner, String sourceFileId, int position, String text) {
    }

    /** An index call as it arrived: who called, for which owner and source, how many chunks, replace. */
    public record IndexCall(String caller, String owner, String sourceFileId, int chunks, boolean replace) {
    }

    public final List<Chunk> chunks = new CopyOnWriteArrayList<>();
    public final List<IndexCall> indexCalls = new CopyOnWriteArrayList<>();
    public volatile boolean failIndexing;

    @Override
    public void handle(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        String method = request.method().name();
        if (request.path().equals(PREFIX + "/search") && method.equals("POST")) {
            search(request, caller, body.toJsonObject());
        } else if (request.path().equals(PREFIX) && method.equals("POST")) {
            index(request, caller, body.toJsonObject());
        } else if (request.path().equals(PREFIX) && method.equals("DELETE")) {
            String owner = ownerFor(request, caller, request.getParam("owner"));
            if (owner != null) {
                String source = request.getParam("source_file_id");
                List<Chunk> gone = chunks.stream().filter(c -> c.owner().equals(owner)
                        && c.sourceFileId().equals(source)).toList();
                chunks.removeAll(gone);
                FakeIngestFiles.json(request, 200, new JsonObject().put("owner", owner).put("source_file_id", source)
                        .put("deleted", gone.size()));
            }
        } else {
            FakeIngestFiles.problem(request, 404, "not-found", "No endpoint " + method + " " + request.path());
        }
    }

    /** The chunks of one owner's source, by position. */
    public List<Chunk> of(String owner, String sourceFileId) {
        return chunks.stream().filter(c -> c.owner().equals(owner) && c.sourceFileId().equals(sourceFileId))
                .sorted(Comparator.comparingInt(Chunk::position)).toList();
    }

    private void index(HttpServerRequest request, VerifiedIdentity caller, JsonObject asked) {
        String owner = ownerFor(request, caller, asked.getString("owner"));
        if (owner == null) {
            return;
        }
        if (failIndexing) {
            FakeIngestFiles.problem(request, 503, "retrieval-unavailable", "the vector store is unavailable");
            return;
        }
        JsonArray given = asked.getJsonArray("chunks", new JsonArray());
        if (given.isEmpty() || given.size() > 256) {
            FakeIngestFiles.problem(request, 400, "validation", "chunks must hold 1 to 256 chunks");
            return;
        }
        String source = asked.getString("source_file_id");
        boolean replace = Boolean.TRUE.equals(asked.getBoolean("replace"));
        indexCalls.add(new IndexCall(caller.user(), owner, source, given.size(), replace));
        long replaced = 0;
        if (replace) {
            List<Chunk> old = of(owner, source);
            chunks.removeAll(old);
            replaced = old.size();
        }
        for (int i = 0; i < given.size(); i++) {
            JsonObject chunk = given.getJsonObject(i);
            int position = chunk.getInteger("position");
            chunks.removeIf(c -> c.owner().equals(owner) && c.sourceFileId().equals(source)
                    && c.position() == position);
            chunks.add(new Chunk(owner, source, position, chunk.getString("text")));
        }
        FakeIngestFiles.json(request, 200, new JsonObject().put("owner", owner).put("source_file_id", source)
                .put("indexed", given.size()).put("replaced", replaced).put("file_chunks", of(owner, source).size())
                .put("model", "fake").put("millis", 0));
    }

    private void search(HttpServerRequest request, VerifiedIdentity caller, JsonObject asked) {
        String owner = ownerFor(request, caller, asked.getString("owner"));
        if (owner == null) {
            return;
        }
        String query = asked.getString("query") == null ? "" : asked.getString("query");
        Set<String> terms = terms(query);
        boolean withPublic = Boolean.TRUE.equals(asked.getBoolean("include_public"));
        int topK = asked.getInteger("top_k") == null ? 5 : asked.getInteger("top_k");
        record Scored(Chunk chunk, int score) {
        }
        List<Scored> hits = new ArrayList<>();
        for (Chunk chunk : chunks) {
            if (chunk.owner().equals(owner) || withPublic && chunk.owner().equals(PUBLIC)) {
                int score = overlap(terms, chunk.text());
                if (score > 0) {
                    hits.add(new Scored(chunk, score));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Scored::score).reversed());
        JsonArray results = new JsonArray();
        JsonArray sentences = new JsonArray();
        for (int i = 0; i < Math.min(topK, hits.size()); i++) {
            Chunk chunk = hits.get(i).chunk();
            results.add(new JsonObject().put("owner", chunk.owner()).put("source_file_id", chunk.sourceFileId())
                    .put("position", chunk.position()).put("text", chunk.text()).put("score", hits.get(i).score()));
            for (String sentence : chunk.text().split("(?<=[.!?])\\s+")) {
                sentences.add(new JsonObject().put("text", sentence.strip()).put("source_file_id",
                        chunk.sourceFileId()).put("owner", chunk.owner()).put("position", chunk.position())
                        .put("hit", i).put("score", overlap(terms, sentence)));
            }
        }
        List<Object> best = new ArrayList<>(sentences.getList());
        best.sort(Comparator.comparingInt(s -> -((JsonObject) s).getInteger("score")));
        int wanted = asked.getInteger("highlights") == null ? 0 : asked.getInteger("highlights");
        FakeIngestFiles.json(request, 200, new JsonObject().put("owner", owner).put("query", query)
                .put("results", results)
                .put("highlights", new JsonArray(best.subList(0, Math.min(wanted, best.size())))));
    }

    /** The owner a request acts for, or null after answering 403. */
    private static String ownerFor(HttpServerRequest request, VerifiedIdentity caller, String requested) {
        if (requested == null || requested.isBlank() || requested.equals(caller.user())) {
            return caller.user();
        }
        if (FakeIngestFiles.privileged(caller)) {
            return requested;
        }
        FakeIngestFiles.problem(request, 403, "forbidden", "'owner' names another user ('" + requested + "')");
        return null;
    }

    private static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3) {
                terms.add(word);
            }
        }
        return terms;
    }

    private static int overlap(Set<String> query, String text) {
        Set<String> words = terms(text);
        words.retainAll(query);
        return words.size();
    }
}
