package ai.datasuite.retrieval.collection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.identity.Caller;
import ai.datasuite.retrieval.collection.ItemsRequest.Item;
import ai.datasuite.retrieval.collection.Neighbours.Neighbour;
import ai.datasuite.retrieval.config.CollectionsConfig;
import ai.datasuite.retrieval.embedding.EmbeddingModels;
import ai.datasuite.retrieval.embedding.TextEmbedder;
import ai.datasuite.vectorindex.ScoredPoint;
import ai.datasuite.vectorindex.VectorPoint;
import ai.datasuite.vectorindex.VectorStore;

/**
 * General collections of items (products, tickets, anything with a text): each is its own vector-store collection
 * ({@code items-<name>}, so Qdrant serves it when configured) of e5 passage vectors with the item id, text and payload;
 * the registry records its owner. A collection is made by its first upsert, owned by the caller; another user's
 * collection answers 404 exactly like an absent one, and admins see every collection.
 */
@ApplicationScoped
public class CollectionService {

    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** Payload keys this service writes itself. */
    public static final String ITEM_ID = "item_id";
    public static final String TEXT = "text";
    static final Set<String> RESERVED = Set.of(ITEM_ID, TEXT);
    static final EmbeddingModels.Kind MODEL = EmbeddingModels.Kind.E5_SMALL_V2;

    private final VectorStore store;
    private final EmbeddingModels models;
    private final CollectionRegistry registry;
    private final CollectionsConfig config;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public CollectionService(VectorStore store, EmbeddingModels models, CollectionRegistry registry,
            CollectionsConfig config) {
        this.store = store;
        this.models = models;
        this.registry = registry;
        this.config = config;
    }

    /** Inserts or replaces the items by id, creating the collection (owned by the caller) when absent. */
    public ItemsRequest.Result upsert(Caller caller, String name, ItemsRequest request) {
        checkName(name);
        List<Item> items = request == null ? null : request.items();
        if (items == null || items.isEmpty()) {
            throw CollectionProblems.invalid("items", "items must hold at least one {id, text, payload}");
        }
        if (items.size() > config.maxItemsPerRequest()) {
            throw CollectionProblems.tooMuch(items.size() + " items in one request; at most "
                    + config.maxItemsPerRequest() + " (send several)", CollectionsConfig.PREFIX
                    + "max-items-per-request", config.maxItemsPerRequest(), items.size());
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            checkItem(items.get(i), "items[" + i + "]", ids);
        }
        CollectionRecord existing = registry.get(name).orElse(null);
        if (existing != null && !caller.canSee(existing.owner())) {
            throw CollectionProblems.noCollection(name);
        }
        TextEmbedder embedder = models.get(MODEL);
        float[][] vectors = embedder.embedPassages(items.stream().map(Item::text).toList());
        List<VectorPoint> points = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Map<String, String> payload = new LinkedHashMap<>();
            if (item.payload() != null) {
                payload.putAll(item.payload());
            }
            payload.put(ITEM_ID, item.id());
            payload.put(TEXT, item.text());
            points.add(new VectorPoint(pointId(item.id()), vectors[i], null, payload));
        }
        synchronized (locks.computeIfAbsent(name, n -> new Object())) {
            CollectionRecord current = registry.get(name).orElse(null);
            if (current != null && !caller.canSee(current.owner())) {
                throw CollectionProblems.noCollection(name); // made by someone else while we embedded
            }
            if (current == null) {
                current = new CollectionRecord(name, caller.id(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        MODEL.id(), embedder.dimension(), 0, 0);
            }
            store.ensureCollection(storeName(name), embedder.dimension(), false);
            store.upsert(storeName(name), points);
            long count = store.count(storeName(name));
            registry.put(current.next(count));
            return new ItemsRequest.Result(name, items.size(), count);
        }
    }

    /** The collections the caller may see (an admin: all), by name. */
    public CollectionView.Listing list(Caller caller) {
        return new CollectionView.Listing(registry.all().stream().filter(r -> caller.canSee(r.owner()))
                .map(r -> view(r, r.count())).toList());
    }

    public CollectionView get(Caller caller, String name) {
        CollectionRecord record = require(caller, name);
        return view(record, store.count(storeName(record.name())));
    }

    /** Drops the collection's vectors and its registry entry. */
    public void delete(Caller caller, String name) {
        CollectionRecord record = require(caller, name);
        synchronized (locks.computeIfAbsent(name, n -> new Object())) {
            store.dropCollection(storeName(record.name()));
            registry.remove(record.name());
        }
    }

    /** The {@code k} items nearest to item {@code id} (itself left out). */
    public Neighbours.Similar similar(Caller caller, String name, String id, Integer k) {
        CollectionRecord record = require(caller, name);
        int top = k(k);
        List<VectorPoint> found = store.points(storeName(record.name()), Map.of(ITEM_ID, id == null ? "" : id));
        if (found.isEmpty() || found.get(0).dense() == null) {
            throw ai.datasuite.problem.ProblemException.notFound("There is no item '" + id + "' in collection '"
                    + name + "'");
        }
        long self = found.get(0).id();
        List<Neighbour> neighbours = store.searchDense(storeName(record.name()), found.get(0).dense(), top + 1,
                Map.of()).stream().filter(p -> p.id() != self).limit(top).map(CollectionService::neighbour).toList();
        return new Neighbours.Similar(name, id, neighbours);
    }

    /** The {@code k} items nearest to a text (e5 "query: "). */
    public Neighbours.Found search(Caller caller, String name, Neighbours.SearchRequest request) {
        CollectionRecord record = require(caller, name);
        String text = request == null ? null : request.text();
        if (text == null || text.isBlank()) {
            throw CollectionProblems.invalid("text", "text is missing or blank");
        }
        if (text.length() > config.maxTextChars()) {
            throw CollectionProblems.limit("text", "text has " + text.length() + " characters; at most "
                    + config.maxTextChars(), CollectionsConfig.PREFIX + "max-text-chars", config.maxTextChars());
        }
        int top = k(request.k());
        float[] query = models.get(MODEL).embedQueries(List.of(text))[0];
        List<Neighbour> neighbours = store.searchDense(storeName(record.name()), query, top, Map.of()).stream()
                .map(CollectionService::neighbour).toList();
        return new Neighbours.Found(name, neighbours);
    }

    /** The collection's entry when the caller may see it; 404 otherwise (also for a malformed name). */
    public CollectionRecord require(Caller caller, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            checkName(name);
        }
        return registry.get(name).filter(r -> caller.canSee(r.owner()))
                .orElseThrow(() -> CollectionProblems.noCollection(name));
    }

    /** Every item with its vector and payload (for projections and exports). */
    public List<VectorPoint> points(CollectionRecord record) {
        return store.points(storeName(record.name()), Map.of());
    }

    /** The e5 embedder collections use (word maps embed their words with it too). */
    public TextEmbedder embedder() {
        return models.get(MODEL);
    }

    public long count(CollectionRecord record) {
        return store.count(storeName(record.name()));
    }

    String storeName(String name) {
        return config.storePrefix() + name;
    }

    private static CollectionView view(CollectionRecord r, long count) {
        return new CollectionView(r.name(), r.owner(), count, r.dimension(), r.model(), r.createdAt());
    }

    private int k(Integer k) {
        int value = k == null ? 10 : k;
        if (value < 1 || value > config.maxK()) {
            throw CollectionProblems.limit("k", "k must be from 1 to " + config.maxK(),
                    CollectionsConfig.PREFIX + "max-k", config.maxK());
        }
        return value;
    }

    private void checkItem(Item item, String where, Set<String> ids) {
        if (item == null) {
            throw CollectionProblems.invalid(where, where + " is null");
        }
        if (item.id() == null || item.id().isBlank()) {
            throw CollectionProblems.invalid(where + ".id", where + ".id is missing or blank");
        }
        if (item.id().length() > config.maxIdChars()) {
            throw CollectionProblems.limit(where + ".id", where + ".id has " + item.id().length()
                    + " characters; at most " + config.maxIdChars(), CollectionsConfig.PREFIX + "max-id-chars",
                    config.maxIdChars());
        }
        if (!ids.add(item.id())) {
            throw CollectionProblems.invalid(where + ".id", "id '" + item.id() + "' appears twice in items");
        }
        if (item.text() == null || item.text().isBlank()) {
            throw CollectionProblems.invalid(where + ".text", where + ".text is missing or blank");
        }
        if (item.text().length() > config.maxTextChars()) {
            throw CollectionProblems.limit(where + ".text", where + ".text has " + item.text().length()
                    + " characters; at most " + config.maxTextChars(), CollectionsConfig.PREFIX + "max-text-chars",
                    config.maxTextChars());
        }
        if (item.payload() != null) {
            for (Map.Entry<String, String> e : item.payload().entrySet()) {
                if (RESERVED.contains(e.getKey())) {
                    throw CollectionProblems.invalid(where + ".payload." + e.getKey(), "payload key '" + e.getKey()
                            + "' is reserved (the item's id and text are stored under it)");
                }
                if (e.getValue() == null) {
                    throw CollectionProblems.invalid(where + ".payload." + e.getKey(),
                            "payload values must be strings, not null");
                }
            }
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw CollectionProblems.invalid("name", "A collection name is 1 to 63 lower-case letters, digits and"
                    + " hyphens, starting with a letter or digit (e.g. catalog-7)");
        }
    }

    private static Neighbour neighbour(ScoredPoint p) {
        Map<String, String> payload = new LinkedHashMap<>(p.payload());
        String id = payload.remove(ITEM_ID);
        payload.remove(TEXT);
        return new Neighbour(id, p.score(), payload);
    }

    /** 63 bits of SHA-256 of the item id: the same id always lands on the same point (upsert by id). */
    static long pointId(String itemId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(itemId.getBytes(StandardCharsets.UTF_8));
            long id = 0;
            for (int i = 0; i < 8; i++) {
                id = (id << 8) | (digest[i] & 0xff);
            }
            return id & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
