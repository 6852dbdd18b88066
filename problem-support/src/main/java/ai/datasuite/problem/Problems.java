package ai.datasuite.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds {@code application/problem+json} responses (RFC 9457). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:ai-data-suite:problem:";

    // Serialised here rather than by the JAX-RS writer so the body never depends on writer selection for +json types.
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static Response response(ProblemException e) {
        Response.ResponseBuilder builder = builder(e.status(), e.slug(), e.title(), e.detail(), e.extensions());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    public static Response response(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        return builder(status, slug, title, detail, extensions).build();
    }

    /** The body of a problem: type, title, status, detail, then the extensions (which never replace those four). */
    public static Map<String, Object> body(int status, String slug, String title, String detail,
                                           Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        return body;
    }

    private static Response.ResponseBuilder builder(int status, String slug, String title, String detail,
                                                    Map<String, Object> extensions) {
        String json;
        try {
            json = JSON.writeValueAsString(body(status, slug, title, detail, extensions));
        } catch (JsonProcessingException e) {
            json = "{\"type\":\"" + TYPE_PREFIX + ProblemException.INTERNAL + "\",\"title\":\"Internal error\",\"status\":500}";
        }
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(json);
    }
}
