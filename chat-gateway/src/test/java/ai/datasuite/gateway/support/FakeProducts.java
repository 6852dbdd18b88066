package ai.datasuite.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * metadata-service's product catalogs as the gateway uses them (issue 14's contract), in memory: an import of a
 * small CSV (header title,description,category; a title "BAD" is a row error), the catalog's reads, PATCH and
 * DELETE, pages of products, a product, the Parquet bytes, predictions, labels, the default category list, counts
 * (JSON or a PNG) and the YAML exports. Owner rules as metadata's: another user's catalog is 404, an admin sees all.
 */
public final class FakeProducts implements FakeEndpoints {

    public static final String PREFIX = "/api/v1/products";
    /** The bytes metadata answers for a catalog's Parquet file (a real one starts and ends with PAR1). */
    public static final String PARQUET = "PAR1 fake parquet of catalog ";

    public static final class Catalog {
        public final long id;
        public final String name;
        public final String owner;
        public final List<JsonObject> products = new ArrayList<>();
        public volatile String parquetFileId;

        Catalog(long id, String name, String owner) {
            this.id = id;
            this.name = name;
            this.owner = owner;
        }

        JsonObject view() {
            long labelled = products.stream().filter(p -> p.getString("category") != null).count();
            long categorized = products.stream().filter(p -> p.getValue("predicted") != null).count();
            return new JsonObject().put("id", id).put("name", name).put("version", 1).put("owner", owner)
                    .put("source_name", name + ".csv").put("format", "csv").put("mapping", new JsonObject())
                    .put("row_count", products.size()).put("labelled_count", labelled)
                    .put("categorized_count", categorized).put("parquet_file_id", parquetFileId)
                    .put("created_at", Instant.now().toString());
        }
    }

    /** One import as it arrived. */
    public record Import(String user, String query, String body) {
    }

    /** One PUT of predictions as it arrived. */
    public record Predictions(long catalogId, String user, JsonObject body) {
    }

    private static final Pattern CATALOG = Pattern.compile("/api/v1/products/catalogs/([0-9]+)(/.*)?");
    private static final Pattern PRODUCT = Pattern.compile("/api/v1/products/([0-9]+)");
    private final AtomicLong ids = new AtomicLong(100);
    private final AtomicLong catalogIds = new AtomicLong(0);
    public final Map<Long, Catalog> catalogs = new java.util.concurrent.ConcurrentHashMap<>();
    public final List<Import> imports = new CopyOnWriteArrayList<>();
    public final List<Predictions> predictions = new CopyOnWriteArrayList<>();
    public final List<String> parquetReads = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void handle(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        String path = request.path();
        String method = request.method().name();
        MultiMap query = request.params();
        if (path.equals(PREFIX + "/catalogs") && method.equals("POST")) {
            importCatalog(request, caller, body);
            return;
        }
        if (path.equals(PREFIX + "/catalogs") && method.equals("GET")) {
            JsonArray items = new JsonArray();
            catalogs.values().stream().filter(c -> canSee(caller, c)).forEach(c -> items.add(c.view()));
            FakeIngestFiles.json(request, 200, new JsonObject().put("items", items).put("page", 0).put("size", 20)
                    .put("total", items.size()));
            return;
        }
        if (path.equals(PREFIX + "/category-lists") && method.equals("GET")) {
            FakeIngestFiles.json(request, 200, new JsonObject().put("items", new JsonArray()
                    .add(new JsonObject().put("name", "default").put("builtin", true))));
            return;
        }
        if (path.equals(PREFIX + "/category-lists/default") && !method.equals("GET")) {
            FakeIngestFiles.problem(request, 409, "conflict", "The list 'default' is built in");
            return;
        }
        if (path.startsWith(PREFIX + "/category-lists/") && method.equals("PUT")) {
            FakeIngestFiles.json(request, 200, body.toJsonObject().put("name", path.substring(path.lastIndexOf('/')
                    + 1)).put("owner", caller.user()).put("builtin", false));
            return;
        }
        if (path.startsWith(PREFIX + "/category-lists/") && method.equals("DELETE")) {
            request.response().setStatusCode(204).end();
            return;
        }
        if (path.equals(PREFIX + "/category-lists/default")) {
            JsonArray categories = new JsonArray();
            for (String name : List.of("Books", "Clothing", "Sports")) {
                categories.add(new JsonObject().put("name", name).put("description", "All about " + name));
            }
            FakeIngestFiles.json(request, 200, new JsonObject().put("name", "default").put("builtin", true)
                    .putNull("owner").put("categories", categories));
            return;
        }
        if (path.startsWith(PREFIX + "/category-lists")) {
            FakeIngestFiles.problem(request, 404, "not-found", "No category list " + path);
            return;
        }
        if (path.equals(PREFIX + "/categories/counts")) {
            Catalog catalog = catalogs.get(Long.parseLong(query.get("catalog_id")));
            if (catalog == null || !canSee(caller, catalog)) {
                FakeIngestFiles.problem(request, 404, "not-found", "No product catalog");
            } else if ("png".equals(query.get("format"))) {
                request.response().putHeader("Content-Type", "image/png")
                        .end(Buffer.buffer(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}));
            } else {
                FakeIngestFiles.json(request, 200, new JsonObject().put("catalog_id", catalog.id)
                        .put("source", query.get("source") == null ? "predicted" : query.get("source"))
                        .put("sql", "SELECT ...").put("counts", new JsonArray()).put("total", catalog.products.size()));
            }
            return;
        }
        Matcher product = PRODUCT.matcher(path);
        if (product.matches()) {
            long id = Long.parseLong(product.group(1));
            for (Catalog catalog : catalogs.values()) {
                for (JsonObject p : catalog.products) {
                    if (p.getLong("id") == id && canSee(caller, catalog)) {
                        FakeIngestFiles.json(request, 200, p);
                        return;
                    }
                }
            }
            FakeIngestFiles.problem(request, 404, "not-found", "No product " + id);
            return;
        }
        Matcher m = CATALOG.matcher(path);
        if (!m.matches()) {
            FakeIngestFiles.problem(request, 404, "not-found", "No endpoint " + method + " " + path);
            return;
        }
        Catalog catalog = catalogs.get(Long.parseLong(m.group(1)));
        if (catalog == null || !canSee(caller, catalog)) {
            FakeIngestFiles.problem(request, 404, "not-found", "No product catalog " + m.group(1));
            return;
        }
        String rest = m.group(2) == null ? "" : m.group(2);
        switch (method + " " + rest) {
            case "GET " -> FakeIngestFiles.json(request, 200, catalog.view());
            case "DELETE " -> {
                catalogs.remove(catalog.id);
                request.response().setStatusCode(204).end();
            }
            case "PATCH " -> {
                catalog.parquetFileId = body.toJsonObject().getString("parquet_file_id");
                FakeIngestFiles.json(request, 200, catalog.view());
            }
            case "GET /products" -> products(request, catalog, query);
            case "GET /parquet" -> {
                parquetReads.add(caller.user());
                request.response().putHeader("Content-Type", "application/vnd.apache.parquet")
                        .end(PARQUET + catalog.id);
            }
            case "PUT /predictions" -> {
                JsonObject write = body.toJsonObject();
                predictions.add(new Predictions(catalog.id, caller.user(), write));
                for (Object o : write.getJsonArray("predictions")) {
                    JsonObject prediction = (JsonObject) o;
                    catalog.products.stream().filter(p -> p.getLong("id").equals(prediction.getLong("product_id")))
                            .forEach(p -> p.put("predicted", new JsonObject()
                                    .put("category", prediction.getString("category"))
                                    .put("score", prediction.getDouble("score")).put("mode", write.getString("mode"))
                                    .put("model_version", write.getString("model_version"))));
                }
                FakeIngestFiles.json(request, 200, new JsonObject().put("updated",
                        write.getJsonArray("predictions").size()));
            }
            case "GET /labels" -> {
                boolean truth = "true".equals(query.get("source"));
                JsonObject labels = new JsonObject();
                for (JsonObject p : catalog.products) {
                    String label = truth ? p.getString("category") : p.getJsonObject("predicted") == null ? null
                            : p.getJsonObject("predicted").getString("category");
                    if (label != null) {
                        labels.put(Long.toString(p.getLong("id")), label);
                    }
                }
                FakeIngestFiles.json(request, 200, new JsonObject().put("catalog_id", catalog.id)
                        .put("source", truth ? "true" : "predicted").put("labels", labels));
            }
            case "PUT /dictionary/title" -> FakeIngestFiles.json(request, 200, new JsonObject().put("name", "title")
                    .put("description", body.toJsonObject().getString("description")));
            case "GET /dictionary" -> FakeIngestFiles.json(request, 200, new JsonObject()
                    .put("catalog_id", catalog.id).put("name", catalog.name).put("columns", new JsonArray()));
            case "GET /dictionary.yaml", "GET /schema.yaml" -> request.response().putHeader("Content-Type",
                    "text/yaml").end("dataset: " + catalog.name + "\nfile: " + rest.substring(1) + "\n");
            default -> FakeIngestFiles.problem(request, 404, "not-found", "No endpoint " + method + " " + path);
        }
    }

    private void importCatalog(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        String text = body.toString(StandardCharsets.UTF_8);
        imports.add(new Import(caller.user(), request.query(), text));
        String[] lines = text.split("\r?\n");
        List<String> header = List.of(lines[0].split(","));
        List<JsonObject> rows = new ArrayList<>();
        JsonArray errors = new JsonArray();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < cells.length; c++) {
                row.put(header.get(c), cells[c].isEmpty() ? null : cells[c]);
            }
            if ("BAD".equals(row.get("title"))) {
                errors.add(new JsonObject().put("row", i).put("column", "title").put("message", "not a title"));
                continue;
            }
            rows.add(new JsonObject().put("row_number", i).put("title", row.get("title"))
                    .put("description", row.get("description")).put("category", row.get("category")));
        }
        if (!errors.isEmpty() && !"skip".equals(request.getParam("on_error"))) {
            request.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "urn:ai-data-suite:problem:invalid-rows")
                            .put("title", "Invalid rows").put("status", 400)
                            .put("detail", errors.size() + " rows are invalid; nothing was stored")
                            .put("errors", errors).put("error_count", errors.size()).encode());
            return;
        }
        Catalog catalog = new Catalog(catalogIds.incrementAndGet(), request.getParam("name"), caller.user());
        for (JsonObject row : rows) {
            catalog.products.add(row.put("id", ids.incrementAndGet()).put("catalog_id", catalog.id)
                    .put("attributes", new JsonObject()).putNull("predicted"));
        }
        catalogs.put(catalog.id, catalog);
        FakeIngestFiles.json(request, 201, catalog.view());
    }

    private static void products(HttpServerRequest request, Catalog catalog, MultiMap query) {
        int page = Integer.parseInt(query.get("page"));
        int size = Integer.parseInt(query.get("size"));
        String category = query.get("category");
        List<JsonObject> matching = catalog.products.stream()
                .filter(p -> category == null || category.equals(p.getString("category"))).toList();
        JsonArray items = new JsonArray();
        matching.stream().skip((long) page * size).limit(size).forEach(items::add);
        FakeIngestFiles.json(request, 200, new JsonObject().put("items", items).put("page", page).put("size", size)
                .put("total", matching.size()));
    }

    private static boolean canSee(VerifiedIdentity caller, Catalog catalog) {
        return FakeIngestFiles.privileged(caller) || caller.user().equals(catalog.owner);
    }
}
