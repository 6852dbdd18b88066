package ai.datasuite.retrieval.service;

import java.util.Map;

/**
 * A failure the caller should see as an RFC 9457 problem: {@code type} is {@code urn:ai-data-suite:problem:<slug>},
 * extensions become extra members of the body (keys are written as given, so use snake_case).
 */
public class ProblemException extends RuntimeException {

    public static final String VALIDATION = "validation";
    public static final String NOT_FOUND = "not-found";
    public static final String CONFLICT = "conflict";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String INTERNAL = "internal";

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, NOT_FOUND, "Not found", detail, null);
    }

    public static ProblemException validation(String detail, Map<String, Object> extensions) {
        return new ProblemException(400, VALIDATION, "Invalid request", detail, extensions);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, CONFLICT, "Conflict", detail, null);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, PAYLOAD_TOO_LARGE, "Payload too large", detail, null);
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
}
