package ai.datasuite.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * Access checks over every route (issue 12): each operation of the gateway's OpenAPI document, and unknown paths under
 * every routed prefix, tried with no key, an unknown key and a revoked key (401); a user key on the admin and annotator
 * routes (403); another user's key on each of a user's resources (403 or 404); and every operation of each service
 * called directly without a token, with an expired one and with one signed by another key (401).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessSystemTest {

    static final String ADMIN_KEY = "ads_admin_" + UUID.randomUUID().toString().replace("-", "");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ALICE = "alice-" + RUN;
    /** Routes a plain user may not use at all: admin only, or annotators and admins. */
    static final Set<String> PRIVILEGED = Set.of("GET /api/v1/keys", "POST /api/v1/keys", "GET /api/v1/keys/{id}",
            "DELETE /api/v1/keys/{id}", "POST /api/v1/notices", "DELETE /api/v1/notices/{id}",
            "POST /api/v1/classifiers/{id}/load", "POST /api/v1/classifiers/{id}/unload",
            "POST /api/v1/classifiers/{id}/retrain", "DELETE /api/v1/models/remove_all",
            "POST /api/v1/tasks/import", "POST /api/v1/tasks/match", "PUT /api/v1/comments/{num}/label");
    /** Paths under each routed prefix that no operation names: refused before anything is looked up. */
    static final List<String> UNKNOWN_UNDER_PREFIXES = List.of("/api/v1/models/x/y", "/api/v1/datasets/x/y/z",
            "/api/v1/files/x/y", "/api/v1/tasks/x/y", "/api/v1/conversations/x/y/z/w", "/api/v1/predict/x",
            "/api/v1/comments/x/y/z", "/api/v1/jobs/x/y", "/api/v1/classifiers/x/y/z", "/api/v1/keys/x/y",
            "/api/v1/documents/x/y/z", "/api/v1/notices/x/y", "/api/fine-tune/x/y", "/api/chat/x", "/api/upload/x");

    /** The gateway's own REST resources (RouteTable.OWN_PREFIXES). */
    static final List<String> OWN_PREFIXES = List.of("/api/v1/keys/", "/api/v1/documents/", "/api/v1/notices/",
            "/api/fine-tune/", "/api/chat/", "/api/upload/");

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger TRIES = new AtomicInteger();
    static final AtomicInteger REFUSED = new AtomicInteger();

    static RunningSuite suite;
    static Map<String, String> services = new LinkedHashMap<>();
    static String aliceKey;
    static String bobKey;
    static String revokedKey;
    /** Alice's resources by the path parameter that names them, per path prefix. */
    static final Map<String, String> ALICES = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        suite = new RunningSuite();
        RunningSuite.Front front = suite.startFront(ADMIN_KEY, 4, List.of());
        services.put("metadata", suite.metadata());
        services.put("ingest", suite.ingest());
        services.put("inference", front.inference());
        services.put("retrieval", front.retrieval());
        services.put("gateway", front.gateway());
        aliceKey = key(ALICE).path("key").asText();
        bobKey = key("bob-" + RUN).path("key").asText();
        JsonNode carol = key("carol-" + RUN);
        revokedKey = carol.path("key").asText();
        expect(send("DELETE", "/api/v1/keys/" + carol.path("id").asText(), ADMIN_KEY, null, null), 204);
        aliceOwnsOneOfEach();
    }

    @AfterAll
    static void stop() throws Exception {
        System.out.printf("reliability access tries=%d refused=%d%n", TRIES.get(), REFUSED.get());
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void everyRouteRefusesNoKeyAnUnknownKeyAndARevokedKey() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String[] op : gatewayOperations()) {
            String path = fill(op[1]);
            tryAs(op[0], path, null, Set.of(401), "no key", wrong);
            tryAs(op[0], path, "ads_" + UUID.randomUUID().toString().replace("-", ""), Set.of(401), "unknown key", wrong);
            tryAs(op[0], path, revokedKey, Set.of(401), "revoked key", wrong);
        }
        for (String path : UNKNOWN_UNDER_PREFIXES) {
            // The gateway's own REST resources resolve the path first: an unknown one is 404 with or without a key
            // (nothing of anyone's is shown); the proxied prefixes refuse before anything is forwarded.
            Set<Integer> refusals = OWN_PREFIXES.stream().anyMatch(path::startsWith) ? Set.of(401, 404) : Set.of(401);
            for (String method : List.of("GET", "POST", "DELETE")) {
                tryAs(method, path, null, refusals, "no key", wrong);
                tryAs(method, path, revokedKey, refusals, "revoked key", wrong);
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " not refused:\n" + String.join("\n", wrong));
    }

    @Test
    @Order(2)
    void aUserKeyIsRefusedOnAdminAndAnnotatorRoutes() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String[] op : gatewayOperations()) {
            if (PRIVILEGED.contains(op[0] + " " + op[1])) {
                tryPlausible(op, aliceKey, Set.of(403), "user key on a privileged route", wrong);
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " not refused:\n" + String.join("\n", wrong));
    }

    @Test
    @Order(3)
    void anotherUsersKeyFindsNoneOfAlicesResources() throws Exception {
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (String[] op : gatewayOperations()) {
            if (PRIVILEGED.contains(op[0] + " " + op[1]) || !ownedByAlice(op[1])) {
                continue;
            }
            tried++;
            tryPlausible(op, bobKey, Set.of(403, 404), "another user's key", wrong);
        }
        // Listings and searches that name alice as the owner.
        for (String[] op : gatewayOperations()) {
            for (String owner : List.of("user_id", "owner", "owner_id")) {
                if ("GET".equals(op[0]) && op[2].contains("query:" + owner + ",") && !PRIVILEGED.contains(op[0] + " " + op[1])) {
                    tried++;
                    tryAs("GET", fill(op[1]) + "?" + owner + "=" + ALICE, bobKey, Set.of(403), "another user's listing", wrong);
                }
            }
        }
        assertTrue(tried >= 15, "only " + tried + " of alice's resources were tried");
        assertTrue(wrong.isEmpty(), wrong.size() + " not refused:\n" + String.join("\n", wrong));
    }

    @Test
    @Order(4)
    void everyServiceRefusesCallsWithoutAValidToken() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> service : services.entrySet()) {
            if ("gateway".equals(service.getKey())) {
                continue;
            }
            JsonNode document = openApi(service.getValue());
            for (String[] op : operations(document)) {
                String url = service.getValue() + fill(op[1]);
                JsonNode operation = document.path("paths").path(op[1]).path(op[0].toLowerCase());
                OpenApiSchemas.Body body = OpenApiSchemas.plausibleBody(document, operation);
                for (String token : new String[]{null, TestIdentity.expiredToken(ALICE, "admin"),
                        TestIdentity.forgedToken(ALICE, "admin"), ADMIN_KEY}) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .method(op[0], body.bytes() == null ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
                    if (body.type() != null) {
                        request.header("Content-Type", body.type());
                    }
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                    count(service.getKey() + " " + op[0] + " " + op[1], token == null ? "no token" : "bad token",
                            HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()), Set.of(401), wrong);
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " not refused:\n" + String.join("\n", wrong));
    }

    /** Alice makes one of each thing a user owns, through the gateway, and the tests point at them. */
    private static void aliceOwnsOneOfEach() throws Exception {
        JsonNode file = created(upload("/api/v1/files", "metadata", "{\"data_type\":\"document\"}", "notice.txt",
                "The board meets on Tuesday.".getBytes(StandardCharsets.UTF_8)));
        ALICES.put("/api/v1/files/{id}", file.path("id").asText());
        JsonNode document = created(upload("/api/upload", "metadata", "{\"data_type\":\"text\"}", "board.txt",
                "The board meets on Tuesday in the old town hall.".getBytes(StandardCharsets.UTF_8)));
        ALICES.put("/api/v1/documents/{id}", document.path("document_id").asText());
        JsonNode conversation = created(send("POST", "/api/v1/conversations", aliceKey, "application/json",
                "{\"title\":\"mine\"}"));
        ALICES.put("/api/v1/conversations/{id}", conversation.path("id").asText());
        JsonNode message = created(send("POST", "/api/v1/conversations/" + conversation.path("id").asText()
                + "/messages", aliceKey, "application/json", "{\"role\":\"user\",\"content\":\"hello\"}"));
        ALICES.put("{message_id}", message.path("id").asText());
        JsonNode comment = created(send("POST", "/api/v1/comments", aliceKey, "application/json",
                "{\"comment\":\"A lovely board\"}"));
        ALICES.put("/api/v1/comments/{num}", comment.path("num").asText());
        String csv = "question,context,answer\nWhen does the library open?,The library opens at nine.,at nine\n"
                + "Who sings?,The choir sings on Fridays.,The choir\n";
        JsonNode dataset = created(upload("/api/v1/datasets", "name", "qa-" + RUN, "qa.csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        ALICES.put("/api/v1/datasets/{id}", dataset.path("id").asText());
        String model = "m-" + RUN;
        expect(send("POST", "/api/v1/models/fit_save", aliceKey, "application/json", "{\"dataset_id\":\""
                + dataset.path("id").asText() + "\",\"model_type\":\"tfidf\",\"model_id\":\"" + model + "\"}"), 200);
        ALICES.put("/api/v1/models/remove/{model_id}", model);
        HttpResponse<String> job = send("POST", "/api/v1/jobs/predict", aliceKey, null, null);
        expect(job, 202);
        ALICES.put("/api/v1/jobs/{id}", JSON.readTree(job.body()).path("id").asText());
        HttpResponse<String> tune = send("POST", "/api/fine-tune", aliceKey, "application/json",
                "{\"parameters\":{\"epochs\":1,\"learning_rate\":0.1}}");
        expect(tune, 202);
        ALICES.put("/api/fine-tune/{job_id}", JSON.readTree(tune.body()).path("job_id").asText());
    }

    private static boolean ownedByAlice(String template) {
        return ALICES.keySet().stream().anyMatch(prefix -> prefix.startsWith("/") && template.startsWith(prefix));
    }

    /** The template with alice's resource ids where they fit, a random id elsewhere. */
    private static String fill(String template) {
        String path = template;
        for (Map.Entry<String, String> owned : ALICES.entrySet()) {
            if (owned.getKey().startsWith("/") && path.startsWith(owned.getKey())) {
                String parameter = owned.getKey().substring(owned.getKey().lastIndexOf('{'));
                path = path.replace(parameter, owned.getValue());
            }
        }
        path = path.replace("{message_id}", ALICES.getOrDefault("{message_id}", "1"))
                .replace("{chart}", "lengths").replace("{num}", "1");
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static void tryAs(String method, String path, String key, Set<Integer> refusals, String who,
                              List<String> wrong) throws Exception {
        count(method + " " + path, who, send(method, path, key, "application/json", "{}"), refusals, wrong);
    }

    /** With the operation's documented body, so that only the caller can be what is refused. */
    private static void tryPlausible(String[] op, String key, Set<Integer> refusals, String who, List<String> wrong)
            throws Exception {
        JsonNode document = openApi(services.get("gateway"));
        OpenApiSchemas.Body body = OpenApiSchemas.plausibleBody(document,
                document.path("paths").path(op[1]).path(op[0].toLowerCase()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.get("gateway") + fill(op[1])))
                .timeout(Duration.ofSeconds(60)).header("X-Api-Key", key)
                .method(op[0], body.bytes() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (body.type() != null) {
            request.header("Content-Type", body.type());
        }
        count(op[0] + " " + op[1], who, HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()), refusals, wrong);
    }

    private static void count(String what, String who, HttpResponse<String> response, Set<Integer> refusals,
                              List<String> wrong) {
        TRIES.incrementAndGet();
        if (refusals.contains(response.statusCode())) {
            REFUSED.incrementAndGet();
        } else {
            String body = response.body().replaceAll("\\s+", " ");
            wrong.add(what + " with " + who + " -> " + response.statusCode() + " "
                    + (body.length() > 160 ? body.substring(0, 160) + "…" : body));
        }
    }

    private static HttpResponse<String> send(String method, String path, String key, String type, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.get("gateway") + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> upload(String path, String field, String value, String name, byte[] bytes)
            throws Exception {
        String boundary = "access" + UUID.randomUUID();
        return HTTP.send(HttpRequest.newBuilder(URI.create(services.get("gateway") + path))
                .timeout(Duration.ofSeconds(120)).header("X-Api-Key", aliceKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> Bombs.multipartStream(boundary, name, "text/plain",
                        new java.io.ByteArrayInputStream(bytes), field, value))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode key(String user) throws Exception {
        return created(send("POST", "/api/v1/keys", ADMIN_KEY, "application/json",
                "{\"user_id\":\"" + user + "\",\"role\":\"user\"}"));
    }

    private static JsonNode created(HttpResponse<String> response) throws Exception {
        expect(response, 201);
        return JSON.readTree(response.body());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " -> "
                    + response.statusCode() + " " + response.body());
        }
    }

    private static List<String[]> gatewayOperations() throws Exception {
        return operations(openApi(services.get("gateway")));
    }

    private static JsonNode openApi(String base) throws Exception {
        return JSON.readTree(TestIdentity.anonymous().queryParam("format", "json").get(base + "/q/openapi")
                .then().statusCode(200).extract().asString());
    }

    /** Every operation as {method, path template, "in:name," of each parameter}. */
    private static List<String[]> operations(JsonNode document) {
        List<String[]> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    StringBuilder parameters = new StringBuilder();
                    op.getValue().path("parameters").forEach(p ->
                            parameters.append(p.path("in").asText()).append(':').append(p.path("name").asText()).append(','));
                    operations.add(new String[]{op.getKey().toUpperCase(), path.getKey(), parameters.toString()});
                }
            });
        }
        return operations;
    }
}
