package ai.datasuite.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small fuzzer over a service's own OpenAPI document: for every operation it builds a plausible request (the
 * documented example, else one made from the schema) and then variants that break it — missing and wrongly typed
 * fields, empty, 100 kB, unicode and control-character strings, negative and huge numbers, invalid JSON, wrong content
 * types, odd path, query and header values. Every variant is chosen by a fixed seed, so a run repeats exactly.
 * Answers of 5xx and requests that outlive the per-request timeout are kept as findings.
 */
final class OpenApiFuzzer {

    /** One answer worth reporting: what was sent and what came back. */
    record Finding(String operation, String request, int status, String answer) {
        @Override
        public String toString() {
            return operation + " <- " + request + " -> " + (status < 0 ? "no answer (timeout)" : status + " " + answer);
        }
    }

    /** What a run sent and what it found. */
    record Result(int requests, int operations, List<Finding> serverErrors, List<Finding> hangs,
                  Map<Integer, Integer> statuses) {
    }

    private record Case(String method, String path, String query, Map<String, String> headers, String contentType,
                        byte[] body, String description) {
    }

    static final int HUGE = 100 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ODD_STRINGS = List.of("", " ", "0", "-1", "99999999999999999999999",
            "null", "%00", "..%2F..%2Fetc%2Fpasswd", "' OR '1'='1", "\u00fc\u00f1\u00ee\u00e7\u00f8d\u00e9 \u202e\ufeff",
            "\u0000\u0001\u001b[31m\r\n\t", "${jndi:ldap://127.0.0.1/x}", "%s%n%x", "1.5", "true", "[]", "{}",
            "9999-99-99T99:99:99Z", "-9223372036854775809", "NaN", "a".repeat(5000));

    private final HttpClient http;
    private final String base;
    private final Map<String, String> auth;
    private final Random random;
    private final Predicate<String> skipped;
    private final int casesPerOperation;
    private final Duration timeout;

    /**
     * @param skipped           operations ("METHOD /path") not sent at all (legitimately long work)
     * @param casesPerOperation at most this many variants per operation (picked by the seed)
     */
    OpenApiFuzzer(String base, Map<String, String> auth, long seed, Predicate<String> skipped, int casesPerOperation,
                  Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
        this.base = base;
        this.auth = auth;
        this.random = new Random(seed);
        this.skipped = skipped;
        this.casesPerOperation = casesPerOperation;
        this.timeout = timeout;
    }

    Result run(JsonNode document) throws InterruptedException {
        int requests = 0;
        int operations = 0;
        List<Finding> errors = new ArrayList<>();
        List<Finding> hangs = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                String name = method + " " + path.getKey();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method) || skipped.test(name)) {
                    continue;
                }
                operations++;
                for (Case c : cases(document, method, path.getKey(), op.getValue())) {
                    requests++;
                    send(name, c, errors, hangs, statuses);
                }
            }
        }
        return new Result(requests, operations, errors, hangs, statuses);
    }

    private void send(String name, Case c, List<Finding> errors, List<Finding> hangs, Map<Integer, Integer> statuses)
            throws InterruptedException {
        String url = base + c.path() + (c.query().isEmpty() ? "" : "?" + c.query());
        String described = c.method() + " " + url.substring(base.length()) + " [" + c.description() + "]";
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        } catch (IllegalArgumentException notAUri) {
            return; // the client itself refuses to send it: nothing reaches the service
        }
        auth.forEach(request::header);
        c.headers().forEach(request::header);
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        try {
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                throw e;
            } catch (java.io.IOException closed) {
                // The connection was reused after the service closed it (it does after a 413 or 414 it answered
                // before reading the body): once more on a new one; a second failure is a finding.
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500) {
                String body = response.body();
                errors.add(new Finding(name, described, response.statusCode(),
                        body.length() > 300 ? body.substring(0, 300) + "…" : body));
            }
        } catch (HttpTimeoutException e) {
            hangs.add(new Finding(name, described, -1, ""));
        } catch (java.io.IOException e) {
            // The service closed the connection without an answer: as bad as a 5xx.
            errors.add(new Finding(name, described, 0, "connection failed: " + e));
        }
    }

    private List<Case> cases(JsonNode document, String method, String template, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (JsonNode p : parameters) {
            if ("path".equals(p.path("in").asText())) {
                JsonNode schema = OpenApiSchemas.resolve(document, p.path("schema"));
                pathValues.put(p.path("name").asText(), OpenApiSchemas.isNumeric(schema) ? "1" : UUID.randomUUID().toString());
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        String mediaType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
        JsonNode bodySchema = mediaType == null ? NODES.missingNode() : OpenApiSchemas.resolve(document, content.path(mediaType).path("schema"));
        JsonNode example = mediaType == null ? null : OpenApiSchemas.firstExample(content.path(mediaType));
        JsonNode plausible = example != null ? example : OpenApiSchemas.instance(document, bodySchema, 0);
        OpenApiSchemas.Body baseline = OpenApiSchemas.body(mediaType, plausible);

        List<Case> cases = new ArrayList<>();
        String path = fill(template, pathValues);
        cases.add(new Case(method, path, "", Map.of(), baseline.type(), baseline.bytes(), "plausible"));
        for (String name : pathValues.keySet()) {
            for (String odd : ODD_STRINGS) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, odd);
                cases.add(new Case(method, fill(template, values), "", Map.of(), baseline.type(), baseline.bytes(),
                        "path " + name + "=" + abbreviate(odd)));
            }
        }
        for (JsonNode p : parameters) {
            String name = p.path("name").asText();
            if ("query".equals(p.path("in").asText())) {
                for (String odd : pick(ODD_STRINGS, 6)) {
                    cases.add(new Case(method, path, encode(name) + "=" + encode(odd), Map.of(), baseline.type(),
                            baseline.bytes(), "query " + name + "=" + abbreviate(odd)));
                }
            } else if ("header".equals(p.path("in").asText())) {
                for (String odd : List.of("bytes=abc", "bytes=5-1", "bytes=-0", "bytes=99999999999999999999-",
                        "bytes=0-0,1-1,2-2,3-3,4-4,5-5,6-6", "items=0-1", "\u00e9")) {
                    if (odd.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
                        cases.add(new Case(method, path, "", Map.of(name, odd), baseline.type(), baseline.bytes(),
                                "header " + name + ": " + odd));
                    }
                }
            }
        }
        if (mediaType != null) {
            cases.addAll(bodyCases(method, path, mediaType, bodySchema, plausible, baseline));
        } else if (!"GET".equals(method)) {
            cases.add(new Case(method, path, "", Map.of(), "application/json", "{\"a\":".getBytes(), "unexpected body"));
        }
        List<Case> chosen = new ArrayList<>(cases.subList(1, cases.size()));
        Collections.shuffle(chosen, random);
        chosen = new ArrayList<>(chosen.subList(0, Math.min(chosen.size(), casesPerOperation - 1)));
        chosen.add(0, cases.get(0));
        return chosen;
    }

    private List<Case> bodyCases(String method, String path, String mediaType, JsonNode schema, JsonNode plausible,
                                 OpenApiSchemas.Body baseline) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(method, path, "", Map.of(), mediaType, null, "no body"));
        cases.add(new Case(method, path, "", Map.of(), mediaType, new byte[0], "empty body"));
        cases.add(new Case(method, path, "", Map.of(), "text/plain", baseline.bytes(), "wrong content type text/plain"));
        cases.add(new Case(method, path, "", Map.of(), "application/xml", "<a><b/></a>".getBytes(), "xml"));
        cases.add(new Case(method, path, "", Map.of(), "application/octet-stream", Bombs.invalidUtf8(), "invalid UTF-8"));
        cases.add(new Case(method, path, "", Map.of(), mediaType, Bombs.invalidUtf8(), "invalid UTF-8 as " + mediaType));
        if (mediaType.startsWith("multipart/")) {
            cases.addAll(multipartCases(method, path, plausible));
            return cases;
        }
        if (!mediaType.contains("json")) {
            cases.add(new Case(method, path, "", Map.of(), mediaType, "a".repeat(HUGE).getBytes(), "100 kB line"));
            return cases;
        }
        for (String broken : List.of("{\"a\":", "{]", "[1,2", "{\"a\":1}}", "\"unterminated", "nul", "{\"a\":1,}")) {
            cases.add(new Case(method, path, "", Map.of(), mediaType, broken.getBytes(), "invalid JSON " + broken));
        }
        for (JsonNode whole : List.of(NODES.arrayNode(), NODES.textNode("x"), NODES.numberNode(-1), NODES.nullNode(),
                NODES.objectNode(), Bombs.nestedJson(200))) {
            cases.add(json(method, path, mediaType, whole, "body " + abbreviate(whole.toString())));
        }
        if (plausible instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            schema.path("properties").fieldNames().forEachRemaining(f -> {
                if (!fields.contains(f)) {
                    fields.add(f);
                }
            });
            for (String field : fields) {
                ObjectNode without = object.deepCopy();
                without.remove(field);
                cases.add(json(method, path, mediaType, without, "without " + field));
                for (JsonNode hostile : pick(hostileValues(), 8)) {
                    ObjectNode changed = object.deepCopy();
                    changed.set(field, hostile);
                    cases.add(json(method, path, mediaType, changed, field + "=" + abbreviate(hostile.toString())));
                }
            }
            ObjectNode extra = object.deepCopy();
            extra.put("unknown_field_" + random.nextInt(1000), "x");
            cases.add(json(method, path, mediaType, extra, "unknown field"));
        }
        return cases;
    }

    private List<Case> multipartCases(String method, String path, JsonNode plausible) {
        List<Case> cases = new ArrayList<>();
        Map<String, byte[]> parts = new LinkedHashMap<>();
        plausible.fields().forEachRemaining(e -> parts.put(e.getKey(), e.getValue().asText().getBytes()));
        for (String part : parts.keySet()) {
            Map<String, byte[]> without = new LinkedHashMap<>(parts);
            without.remove(part);
            cases.add(multipart(method, path, without, "without part " + part));
            for (String odd : List.of("", "{", "a".repeat(HUGE), "\u0000\u001b\ufeff\u202e", "{\"a\":" + "[".repeat(500),
                    "-1", "[]")) {
                Map<String, byte[]> changed = new LinkedHashMap<>(parts);
                changed.put(part, odd.getBytes(StandardCharsets.UTF_8));
                cases.add(multipart(method, path, changed, "part " + part + "=" + abbreviate(odd)));
            }
        }
        Case whole = multipart(method, path, parts, "whole");
        byte[] truncated = java.util.Arrays.copyOf(whole.body(), whole.body().length / 2);
        cases.add(new Case(method, path, "", Map.of(), whole.contentType(), truncated, "truncated multipart"));
        cases.add(new Case(method, path, "", Map.of(), "multipart/form-data", whole.body(), "no boundary"));
        cases.add(new Case(method, path, "", Map.of(), "multipart/form-data; boundary=other", whole.body(),
                "wrong boundary"));
        cases.add(new Case(method, path, "", Map.of(), "application/json", "{}".getBytes(), "JSON instead of a form"));
        return cases;
    }

    private List<JsonNode> hostileValues() {
        ArrayNode manyItems = NODES.arrayNode();
        for (int i = 0; i < 10_000; i++) {
            manyItems.add(i);
        }
        return List.of(NODES.nullNode(), NODES.textNode(""), NODES.textNode("a".repeat(HUGE)),
                NODES.textNode("\u00fc\u00f1\u00ee \ud835\udd18 \u202e\ufeff"), NODES.textNode("\u0000\u0001\u001b\r\n"),
                NODES.textNode("../../etc/passwd"), NODES.numberNode(-1), NODES.numberNode(0),
                NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(1e308),
                NODES.numberNode(-1e308), NODES.numberNode(new java.math.BigInteger("9".repeat(40))),
                NODES.numberNode(0.5), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(),
                NODES.arrayNode().add(NODES.nullNode()), manyItems, Bombs.nestedJson(100), NODES.textNode("NaN"));
    }

    private <T> List<T> pick(List<T> values, int count) {
        List<T> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }


    private static Case multipart(String method, String path, Map<String, byte[]> parts, String description) {
        OpenApiSchemas.Body form = OpenApiSchemas.form(parts);
        return new Case(method, path, "", Map.of(), form.type(), form.bytes(), description);
    }

    private static Case json(String method, String path, String mediaType, JsonNode body, String description) {
        try {
            return new Case(method, path, "", Map.of(), mediaType, JSON.writeValueAsBytes(body), description);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }



    private static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            // Odd values go mostly encoded, as a client would send them; a few raw ones test the router itself.
            String v = value.getValue().contains("%") ? value.getValue() : encode(value.getValue());
            path = path.replace("{" + value.getKey() + "}", v);
        }
        return path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 20) + "…(" + value.length() + " chars)" : printable;
    }
}
