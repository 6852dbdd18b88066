package ai.datasuite.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the caller should see as an RFC 9457 problem: {@code type} is {@code urn:ai-data-suite:problem:<slug>},
 * extensions become extra members of the body (keys are written as given, so use snake_case), headers go on the
 * response (e.g. {@code Retry-After}, {@code Content-Range}). Thrown by resources and REST-facing services; storage
 * and index code throws its own domain exceptions that the resource layer turns into one of these.
 */
public class ProblemException extends RuntimeException {

    /** The common problem types; each service adds its own specific slugs next to its code. */
    public static final String VALIDATION = "validation";
    public static final String NOT_FOUND = "not-found";
    public static final String CONFLICT = "conflict";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String INTERNAL = "internal";

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    public ProblemException(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static ProblemException validation(String detail) {
        return validation(detail, null);
    }

    public static ProblemException validation(String detail, Map<String, Object> extensions) {
        return new ProblemException(400, VALIDATION, "Invalid request", detail, extensions);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, NOT_FOUND, "Not found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, CONFLICT, "Conflict", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, PAYLOAD_TOO_LARGE, "Payload too large", detail);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(415, UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", detail);
    }

    /** Adds a response header (e.g. {@code Retry-After}); returns this exception. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
