package ai.datasuite.retrieval.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds {@code application/problem+json} responses (RFC 9457). */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:ai-data-suite:problem:";

    // Serialised here rather than by the JAX-RS writer so the body never depends on writer selection for +json types.
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static Response response(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            json = "{\"type\":\"" + TYPE_PREFIX + "internal\",\"title\":\"Internal error\",\"status\":500}";
        }
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(json).build();
    }
}
