package ai.datasuite.gateway.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * metadata-service's conversations as chat uses them, in memory, with its owner rules: create (owner: the caller, or
 * anyone for an admin or a service; else 403), get with {@code ?window=} (the last messages, oldest first, and
 * {@code message_count}), append a message; another user's conversation is 404 as an unknown one.
 */
public final class FakeConversations implements FakeEndpoints {

    public static final String PREFIX = "/api/v1/conversations";

    /** A stored message and who stored it. */
    public record Stored(String conversationId, long id, String role, String content, Object citations,
                         VerifiedIdentity by) {
    }

    private record Conversation(String id, String owner, String title, Instant createdAt) {
    }

    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    public final List<Stored> messages = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public void handle(HttpServerRequest request, VerifiedIdentity identity, Buffer body) {
        String[] parts = request.path().substring(PREFIX.length()).split("/");
        // parts: [""] for the collection, ["", id] for one, ["", id, "messages"] for its messages
        String method = request.method().name();
        if (parts.length <= 1 && "POST".equals(method)) {
            create(request, identity, body.length() == 0 ? new JsonObject() : body.toJsonObject());
        } else if (parts.length == 2 && "GET".equals(method)) {
            Conversation c = visible(parts[1], identity);
            if (c == null) {
                notFound(request, parts[1]);
                return;
            }
            String window = request.getParam("window");
            List<Stored> all = of(c.id());
            int n = window == null ? 20 : Integer.parseInt(window);
            JsonArray last = new JsonArray();
            all.subList(Math.max(0, all.size() - n), all.size()).forEach(m -> last.add(json(m)));
            answer(request, 200, view(c).put("message_count", all.size()).put("messages", last));
        } else if (parts.length == 3 && "messages".equals(parts[2]) && "POST".equals(method)) {
            Conversation c = visible(parts[1], identity);
            if (c == null) {
                notFound(request, parts[1]);
                return;
            }
            JsonObject message = body.toJsonObject();
            Stored stored = new Stored(c.id(), ids.incrementAndGet(), message.getString("role"),
                    message.getString("content"), message.getValue("citations"), identity);
            messages.add(stored);
            answer(request, 201, json(stored));
        } else {
            answer(request, 405, new JsonObject().put("type", "urn:ai-data-suite:problem:method-not-allowed"));
        }
    }

    /** The messages of a conversation, oldest first. */
    public List<Stored> of(String conversationId) {
        return messages.stream().filter(m -> m.conversationId().equals(conversationId)).toList();
    }

    /** The owner of a stored conversation, or null. */
    public String ownerOf(String conversationId) {
        Conversation c = conversations.get(conversationId);
        return c == null ? null : c.owner();
    }

    public String titleOf(String conversationId) {
        Conversation c = conversations.get(conversationId);
        return c == null ? null : c.title();
    }

    private void create(HttpServerRequest request, VerifiedIdentity identity, JsonObject body) {
        String owner = body.getString("owner", identity.user());
        if (!owner.equals(identity.user()) && !privileged(identity)) {
            answer(request, 403, new JsonObject().put("type", "urn:ai-data-suite:problem:forbidden")
                    .put("status", 403).put("detail", "'owner' names another user"));
            return;
        }
        String title = body.getString("title");
        if (title != null && (title.length() > 200 || title.chars().anyMatch(Character::isISOControl))) {
            answer(request, 400, new JsonObject().put("type", "urn:ai-data-suite:problem:validation")
                    .put("status", 400).put("detail", "title is invalid"));
            return;
        }
        Conversation c = new Conversation(UUID.randomUUID().toString(), owner, title, Instant.now());
        conversations.put(c.id(), c);
        answer(request, 201, view(c));
    }

    private Conversation visible(String id, VerifiedIdentity identity) {
        Conversation c = conversations.get(id);
        return c != null && (c.owner().equals(identity.user()) || privileged(identity)) ? c : null;
    }

    private static boolean privileged(VerifiedIdentity identity) {
        return "admin".equals(identity.role()) || "service".equals(identity.role());
    }

    private static JsonObject view(Conversation c) {
        return new JsonObject().put("id", c.id()).put("owner", c.owner()).put("title", c.title())
                .put("created_at", c.createdAt().toString()).put("updated_at", c.createdAt().toString());
    }

    private static JsonObject json(Stored m) {
        return new JsonObject().put("id", m.id()).put("conversation_id", m.conversationId()).put("role", m.role())
                .put("content", m.content()).put("citations", m.citations()).put("rating", null)
                .put("created_at", Instant.now().toString());
    }

    private static void notFound(HttpServerRequest request, String id) {
        answer(request, 404, new JsonObject().put("type", "urn:ai-data-suite:problem:not-found").put("status", 404)
                .put("title", "Not found").put("detail", "No conversation " + id));
    }

    private static void answer(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status)
                .putHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
                .end(body.encode());
    }
}
