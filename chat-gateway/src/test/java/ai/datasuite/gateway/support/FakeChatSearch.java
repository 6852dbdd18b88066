package ai.datasuite.gateway.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import ai.datasuite.gateway.config.Upstream;

/**
 * retrieval-service's {@code POST /api/v1/documents/search} as chat uses it, over chunks a test adds: owner rules
 * (owner left out: the caller; another owner only for an admin or a service, else 403), {@code include_public} adds
 * the {@code _public} chunks (notices), a hit is a chunk sharing a word (3+ letters) with the query, ranked by how
 * many, and {@code highlights} are the hits' sentences that share the most. {@link #plug} puts it, with
 * {@link FakeConversations}, behind the fake services (once per set of fakes).
 */
public final class FakeChatSearch implements FakeEndpoints {

    public static final String PATH = "/api/v1/documents/search";
    private static final Map<FakeServices, FakeChatSearch> PLUGGED = Collections.synchronizedMap(new WeakHashMap<>());

    private record Chunk(String owner, String sourceFileId, int position, String text) {
    }

    private final List<Chunk> chunks = new CopyOnWriteArrayList<>();
    public final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    public final FakeConversations conversations = new FakeConversations();

    /** The chat fakes of {@code fakes}, plugged into its metadata and retrieval services on first use. */
    public static FakeChatSearch plug(FakeServices fakes) {
        return PLUGGED.computeIfAbsent(fakes, f -> {
            FakeChatSearch search = new FakeChatSearch();
            f.get(Upstream.RETRIEVAL).serve(PATH, search);
            f.get(Upstream.METADATA).serve(FakeConversations.PREFIX, search.conversations);
            return search;
        });
    }

    /** Forgets every chunk and request (each test seeds its own). */
    public FakeChatSearch clear() {
        chunks.clear();
        requests.clear();
        return this;
    }

    public FakeChatSearch add(String owner, String sourceFileId, int position, String text) {
        chunks.add(new Chunk(owner, sourceFileId, position, text));
        return this;
    }

    @Override
    public void handle(HttpServerRequest request, VerifiedIdentity identity, Buffer body) {
        JsonObject asked = body.toJsonObject();
        requests.add(asked);
        String owner = asked.getString("owner", identity.user());
        boolean privileged = "admin".equals(identity.role()) || "service".equals(identity.role());
        if (!owner.equals(identity.user()) && !privileged) {
            request.response().setStatusCode(403).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "urn:ai-data-suite:problem:forbidden").put("status", 403)
                            .put("detail", "'owner' names another user").encode());
            return;
        }
        boolean withPublic = asked.getBoolean("include_public", false);
        int topK = asked.getInteger("top_k", 5);
        Set<String> words = words(asked.getString("query"));
        record Scored(Chunk chunk, int shared) {
        }
        List<Scored> hits = chunks.stream()
                .filter(c -> c.owner().equals(owner) || withPublic && c.owner().equals("_public"))
                .map(c -> new Scored(c, shared(words, c.text()))).filter(s -> s.shared() > 0)
                .sorted(Comparator.comparingInt(Scored::shared).reversed()).limit(topK).toList();
        JsonArray results = new JsonArray();
        List<JsonObject> sentences = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            Chunk c = hits.get(i).chunk();
            double score = hits.get(i).shared() / (double) Math.max(1, words.size());
            results.add(new JsonObject().put("owner", c.owner()).put("source_file_id", c.sourceFileId())
                    .put("position", c.position()).put("text", c.text()).put("score", score)
                    .put("dense_score", score).put("sparse_score", score));
            for (String sentence : c.text().split("(?<=[.!?])\\s+")) {
                sentences.add(new JsonObject().put("text", sentence.strip()).put("source_file_id", c.sourceFileId())
                        .put("owner", c.owner()).put("position", c.position()).put("hit", i)
                        .put("score", (double) shared(words, sentence)));
            }
        }
        JsonArray highlights = new JsonArray();
        sentences.stream().filter(s -> s.getDouble("score") > 0)
                .sorted(Comparator.comparingDouble((JsonObject s) -> s.getDouble("score")).reversed())
                .limit(asked.getInteger("highlights", 0)).forEach(highlights::add);
        request.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("owner", owner)
                .put("query", asked.getString("query")).put("results", results).put("highlights", highlights)
                .encode());
    }

    private static int shared(Set<String> words, String text) {
        Set<String> found = words(text);
        found.retainAll(words);
        return found.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 2) {
                words.add(w);
            }
        }
        return words;
    }
}
