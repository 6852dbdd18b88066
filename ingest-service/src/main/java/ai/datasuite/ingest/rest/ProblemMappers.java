package ai.datasuite.ingest.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ai.datasuite.ingest.service.ProblemException;
import ai.datasuite.ingest.client.MetadataRejectedException;
import ai.datasuite.ingest.client.MetadataUnavailableException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Every error leaves as RFC 9457 problem+json with a stable type; never with a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String PROBLEM_JSON = "application/problem+json";
    static final String TYPE_PREFIX = "urn:ai-data-suite:problem:";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = problem(e.status(), e.slug(), e.title(), e.getMessage(), e.extensions());
        if (e.status() == 416 && e.extensions().get("size_bytes") != null) {
            // RFC 9110: an unsatisfiable range is answered with the representation's length.
            return Response.fromResponse(response)
                    .header("Content-Range", "bytes */" + e.extensions().get("size_bytes")).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", snakeCase(lastNode(v.getPropertyPath().toString())), "message", v.getMessage()))
                .toList();
        String detail = errors.stream().map(m -> m.get("message")).reduce((a, b) -> a + "; " + b).orElse("invalid input");
        return problem(400, "validation", "Invalid input", detail, Map.of("errors", errors));
    }

    @ServerExceptionMapper({MetadataUnavailableException.class, FaultToleranceException.class})
    public Response metadataDown(RuntimeException e) {
        LOG.warnf("metadata-service unavailable: %s", e.toString());
        return unavailable("dependency-unavailable", "Dependency unavailable", "metadata-service");
    }

    @ServerExceptionMapper
    public Response metadataRejected(MetadataRejectedException e) {
        String detail = String.valueOf(e.problem().getOrDefault("detail", ""));
        if (e.status() == 400) {
            // What the system of record found invalid came from the client's upload or query.
            return problem(400, "validation", "Invalid input", detail, Map.of());
        }
        LOG.errorf("metadata-service rejected a call of ingest-service: %s", e.getMessage());
        return problem(502, "dependency-rejected", "Dependency rejected the request",
                "metadata-service rejected a request of ingest-service (" + e.status() + "): " + detail, Map.of());
    }

    @ServerExceptionMapper
    public Response objectMissing(NoSuchKeyException e) {
        // Never expected: rows are committed after their objects and deleted before them.
        LOG.errorf("a file record refers to a missing object: %s", e.getMessage());
        return problem(500, "object-missing", "Stored object missing",
                "the file's bytes are missing from the object store; this has been logged for operators", Map.of());
    }

    @ServerExceptionMapper({SdkClientException.class, S3Exception.class})
    public Response storageDown(RuntimeException e) {
        LOG.warnf("object storage failed: %s", e.toString());
        return unavailable("storage-unavailable", "Storage unavailable", "the object store");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status < 500 ? "bad-request" : "internal";
        };
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        // Say what to do instead of the framework's wording about @Consumes/@Produces.
        String detail = switch (status) {
            case 404 -> "no such resource; the API is described at /q/openapi";
            case 405 -> "this method is not allowed on this path; the API is described at /q/openapi";
            case 406 -> "this endpoint answers application/json (errors: application/problem+json)";
            case 415 -> "this content type is not accepted here; uploads are multipart/form-data with a 'file' and a "
                    + "'metadata' part (see /q/openapi)";
            default -> status < 500 ? e.getMessage() : "internal error";
        };
        return problem(status, slug, title, detail, Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return problem(500, "internal", "Internal error",
                "an unexpected error occurred; it has been logged. Retry, or report it if it persists.", Map.of());
    }

    private static Response unavailable(String slug, String title, String what) {
        return Response.fromResponse(problem(503, slug, title,
                what + " is unavailable; retry in a few seconds (an upload answered so stored nothing).", Map.of()))
                .header("Retry-After", "5").build();
    }

    static Response problem(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        return Response.status(status).type(PROBLEM_JSON).entity(body(status, slug, title, detail, extensions)).build();
    }

    static Map<String, Object> body(int status, String slug, String title, String detail,
                                    Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extensions);
        return body;
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
