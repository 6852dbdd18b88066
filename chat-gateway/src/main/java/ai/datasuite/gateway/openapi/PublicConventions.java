package ai.datasuite.gateway.openapi;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the gateway adds to every public operation: its API-key security (required everywhere) and the problems the
 * gateway itself answers (401 no or unknown key, 403 role, 413 body too large, 429 rate limit, 502/503/504 the service
 * behind broke, is down or too slow), with the types and texts of auth/AuthProblems, limit/ and proxy/UpstreamProblems.
 */
final class PublicConventions {

    static final String API_KEY = "ApiKey";
    static final String BEARER = "Bearer";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A response every operation gets: status → component name; always = replaces what the service documents. */
    private record Common(String status, String name, boolean always, boolean onlyWithBody) {
    }

    private static final List<Common> COMMON = List.of(
            new Common("401", "Unauthorized", true, false),
            new Common("403", "Forbidden", false, false),
            new Common("413", "PayloadTooLarge", false, true),
            new Common("429", "TooManyRequests", false, false),
            new Common("502", "BadGateway", false, false),
            new Common("503", "ServiceUnavailable", false, false),
            new Common("504", "GatewayTimeout", false, false));

    private static final String COMPONENTS = """
            {"components": {
              "securitySchemes": {
                "ApiKey": {"type": "apiKey", "in": "header", "name": "X-Api-Key",
                           "description": "Your API key. Ask an admin for one (POST /api/v1/keys)."},
                "Bearer": {"type": "http", "scheme": "bearer",
                           "description": "The same API key sent as 'Authorization: Bearer <key>'."}
              },
              "schemas": {
                "Problem": {
                  "type": "object",
                  "description": "An RFC 9457 problem. 'type' is stable (urn:ai-data-suite:problem:<slug>); further members add details (e.g. 'field', 'allowed').",
                  "required": ["type", "title", "status"],
                  "properties": {
                    "type": {"type": "string", "examples": ["urn:ai-data-suite:problem:not-found"]},
                    "title": {"type": "string", "examples": ["Not found"]},
                    "status": {"type": "integer", "format": "int32", "examples": [404]},
                    "detail": {"type": "string"},
                    "instance": {"type": "string"}
                  },
                  "additionalProperties": true
                }
              },
              "headers": {
                "RetryAfter": {"description": "Seconds to wait before trying again.",
                               "schema": {"type": "integer", "format": "int32"}, "example": 30}
              },
              "responses": {
                "Unauthorized": {
                  "description": "No API key, or one the gateway does not know (revoked, expired or mistyped).",
                  "headers": {"WWW-Authenticate": {"schema": {"type": "string"}, "example": "Bearer realm=\\"ai-data-suite\\""}},
                  "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"},
                    "example": {"type": "urn:ai-data-suite:problem:unauthorized", "title": "Unauthorized", "status": 401,
                                "detail": "This call needs an API key: send it as 'X-Api-Key: <key>' (or 'Authorization: Bearer <key>'). An admin issues keys with POST /api/v1/keys."}}}
                },
                "Forbidden": {
                  "description": "The key's role may not make this call, or a body or query field names another user.",
                  "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"},
                    "example": {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
                                "detail": "Managing API keys needs the admin role; your key has the role 'user'."}}}
                },
                "PayloadTooLarge": {
                  "description": "The request body is larger than the gateway accepts for this route.",
                  "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"},
                    "example": {"type": "urn:ai-data-suite:problem:payload-too-large", "title": "Payload too large", "status": 413,
                                "detail": "The request body is larger than the gateway accepts (2 GiB, 2147483648 bytes; gateway.limits.max-body-size). Send a smaller body or split the upload.",
                                "max_body_bytes": 2147483648}}}
                },
                "TooManyRequests": {
                  "description": "The key has used up its request rate; 'Retry-After' says when to try again.",
                  "headers": {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}},
                  "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"},
                    "example": {"type": "urn:ai-data-suite:problem:rate-limited", "title": "Too many requests", "status": 429,
                                "detail": "This API key made more than 100 requests in a burst (50 more are allowed every 1000 ms). Retry in 1 s.",
                                "retry_after_seconds": 1}}}
                },
                "BadGateway": {
                  "description": "The connection to the service behind this route broke before it answered (type <service>-failed); the request may or may not have been applied.",
                  "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"},
                    "example": {"type": "urn:ai-data-suite:problem:retrieval-service-failed", "title": "retrieval-service failed to answer", "status": 502,
                                "detail": "The connection to retrieval-service broke before it answered. The request may or may not have been applied: check before repeating it.",
                                "service": "retrieval-service"}}}
                },
                "ServiceUnavailable": {
                  "description": "The service behind this route cannot be reached, or failed repeatedly (type <service>-unavailable); nothing was sent. 'Retry-After' says when to try again.",
                  "headers": {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}},
                  "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"},
                    "example": {"type": "urn:ai-data-suite:problem:inference-service-unavailable", "title": "inference-service unavailable", "status": 503,
                                "detail": "inference-service is unavailable (connection refused). Start it (./suite start, or docker compose up -d inference-service) and retry.",
                                "service": "inference-service", "retry_after_seconds": 5}}}
                },
                "GatewayTimeout": {
                  "description": "The service behind this route did not answer in time (type <service>-timeout); it may still complete the request.",
                  "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"},
                    "example": {"type": "urn:ai-data-suite:problem:metadata-service-timeout", "title": "metadata-service did not answer in time", "status": 504,
                                "detail": "metadata-service did not answer within 300 s (gateway.proxy.response-timeout). It may still complete the request: check before repeating it.",
                                "service": "metadata-service"}}}
                }
              }
            }}""";

    private PublicConventions() {
    }

    /** The components the conventions need, as a document that takes part in the merge (its names never change). */
    static ObjectNode components() {
        try {
            return (ObjectNode) JSON.readTree(COMPONENTS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How the document came about, for {@code info.description} and {@code x-suite-sources}: whether a source is
     * included, since when, and why its last fetch failed. (Its internal address stays in the log.)
     */
    record SourceStatus(String name, boolean included, String fetchedAt, String problem) {

        ObjectNode toJson() {
            ObjectNode json = NODES.objectNode().put("name", name).put("included", included);
            if (fetchedAt != null) {
                json.put("fetched_at", fetchedAt);
            }
            if (problem != null) {
                json.put("problem", problem);
            }
            return json;
        }
    }

    /**
     * The public document: info, the gateway as server, its security required everywhere, the merged tags, paths
     * and components, every operation with the gateway's problem responses, and which sources it was built from.
     */
    static ObjectNode apply(ObjectNode merged, PublicOpenApiConfig config, List<SourceStatus> statuses) {
        ObjectNode document = NODES.objectNode();
        document.set("openapi", merged.get("openapi"));
        document.putObject("info")
                .put("title", config.title())
                .put("version", config.version())
                .put("description", description(statuses));
        document.putArray("servers").addObject()
                .put("url", config.serverUrl())
                .put("description", "chat-gateway, the suite's one public door");
        ArrayNode security = document.putArray("security");
        security.addObject().putArray(API_KEY);
        security.addObject().putArray(BEARER);
        document.set("tags", merged.get("tags"));
        document.set("paths", merged.get("paths"));
        document.set("components", merged.get("components"));
        ArrayNode sources = document.putArray("x-suite-sources");
        statuses.forEach(status -> sources.add(status.toJson()));
        OpenApiMerge.forEachOperation(document.get("paths"), PublicConventions::addCommonResponses);
        return document;
    }

    private static void addCommonResponses(ObjectNode operation) {
        ObjectNode responses = operation.has("responses") && operation.get("responses").isObject()
                ? (ObjectNode) operation.get("responses") : operation.putObject("responses");
        Map<String, JsonNode> added = new LinkedHashMap<>();
        for (Common common : COMMON) {
            if (common.onlyWithBody() && !operation.has("requestBody")) {
                continue;
            }
            JsonNode own = responses.get(common.status());
            // A service's own answer with content (e.g. a 403 naming the field) says more than the common one.
            if (common.always() || own == null || !own.has("content") && !own.has("$ref")) {
                added.put(common.status(), NODES.objectNode().put("$ref", "#/components/responses/" + common.name()));
            }
        }
        added.forEach(responses::set);
        // a service's problem answers that name no schema (most) get the problem's
        for (JsonNode response : responses) {
            JsonNode problem = response.path("content").path(PROBLEM_JSON);
            if (problem.isObject() && !problem.has("schema")) {
                ((ObjectNode) problem).putObject("schema").put("$ref", "#/components/schemas/Problem");
            }
        }
    }

    private static String description(List<SourceStatus> statuses) {
        StringBuilder text = new StringBuilder("""
                The suite's public API, served by chat-gateway (the only published port). Every call needs an API \
                key, sent as `X-Api-Key: <key>` or `Authorization: Bearer <key>`; the gateway checks it, applies the \
                key's role and rate limit, and routes the call to the service that owns the path.

                This document is built from the services' own documents:
                """);
        for (SourceStatus status : statuses) {
            text.append("\n- ").append(status.name()).append(": ");
            if (status.included() && status.problem() == null) {
                text.append("included");
            } else if (status.included()) {
                text.append("included as fetched at ").append(status.fetchedAt())
                        .append("; fetching it again failed (").append(status.problem()).append(')');
            } else {
                text.append("**left out**: its document could not be fetched (").append(status.problem())
                        .append("); its paths are missing here until it answers, a later request tries again");
            }
        }
        return text.toString();
    }
}
