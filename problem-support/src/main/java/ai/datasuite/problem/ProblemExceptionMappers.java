package ai.datasuite.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem; nothing internal (stack traces, SQL, class names) reaches the caller.
 * The details say what to do. A service maps its own exceptions with mappers of its own.
 */
public class ProblemExceptionMappers {

    private final AllowedMethods allowedMethods;

    public ProblemExceptionMappers(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);
    private static final String API_DOCS = "the API is described at /q/openapi";
    private static final String MULTIPART_READER = "org.jboss.resteasy.reactive.server.core.multipart.";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problems.response(e);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Map<String, Object>> errors = e.getConstraintViolations().stream()
                .map(v -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("field", fieldName(v));
                    error.put("message", v.getMessage());
                    return error;
                })
                .sorted(Comparator.comparing(m -> (String) m.get("field")))
                .collect(Collectors.toList());
        String detail = errors.stream()
                .map(m -> m.get("field") + " " + m.get("message"))
                .collect(Collectors.joining("; "));
        return Problems.response(400, ProblemException.VALIDATION, "Invalid request", detail, Map.of("errors", errors));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return Problems.response(400, ProblemException.VALIDATION, "Invalid JSON", describe(e), null);
    }

    // Needs its own mapper: Quarkus ships a built-in one for this exact type that answers 400 with an empty body.
    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers 404 when a query or path parameter does not convert (size=ten); that is a bad request.
            return Problems.response(400, ProblemException.VALIDATION, "Invalid request",
                    "A query or path parameter has the wrong type; " + API_DOCS, null);
        }
        if (e instanceof NotFoundException || status == 404) {
            return Problems.response(404, ProblemException.NOT_FOUND, "Not found", "No such resource; " + API_DOCS, null);
        }
        if (e instanceof NotAllowedException || status == 405) {
            return methodNotAllowed(e, uri);
        }
        if (e instanceof NotAcceptableException || status == 406) {
            return Problems.response(406, ProblemException.NOT_ACCEPTABLE, "Not acceptable",
                    "This endpoint cannot answer in the media type the Accept header asks for (errors are"
                            + " application/problem+json); " + API_DOCS, null);
        }
        if (e instanceof NotSupportedException || status == 415) {
            return Problems.response(415, ProblemException.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "This content type is not accepted here; " + API_DOCS + " with the content types each endpoint"
                            + " takes", null);
        }
        if (status == 413) {
            return Problems.response(413, ProblemException.PAYLOAD_TOO_LARGE, "Payload too large",
                    "The request body is too large", null);
        }
        if (status >= 500) {
            return unexpected(e);
        }
        String slug = status == 400 ? ProblemException.VALIDATION : "http-" + status;
        Response.StatusType info = Response.Status.fromStatusCode(status);
        return Problems.response(status, slug, status == 400 ? "Invalid request" : info == null ? "Error"
                : info.getReasonPhrase(), e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (isMalformedForm(e)) {
            return Problems.response(400, ProblemException.VALIDATION, "Malformed form",
                    "The multipart form could not be read: it ends before its closing boundary, or its parts are not"
                            + " separated by the boundary its Content-Type names", null);
        }
        LOG.error("Unexpected failure", e);
        return Problems.response(500, ProblemException.INTERNAL, "Internal error",
                "The server could not complete the request; the failure was logged. Retry, or report it if it persists.",
                null);
    }

    /**
     * The framework's multipart reader fails with a plain IOException when the body ends before the closing boundary
     * (a truncated form, or a boundary other than the Content-Type's): the client's mistake, not the server's.
     */
    static boolean isMalformedForm(Throwable e) {
        if (!(e instanceof java.io.IOException)) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(MULTIPART_READER)) {
                return true;
            }
        }
        return false;
    }

    /** 405 with the {@code Allow} header RFC 9110 asks for (the framework's answer, else the resources'). */
    private Response methodNotAllowed(WebApplicationException e, UriInfo uri) {
        String allow = e.getResponse() == null ? null : e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if ((allow == null || allow.isBlank()) && uri != null) {
            allow = String.join(", ", allowedMethods.of(uri.getPath()));
        }
        String detail = "This method is not allowed on this path"
                + (allow == null || allow.isBlank() ? "" : " (allowed: " + allow + ")") + "; " + API_DOCS;
        Response response = Problems.response(405, ProblemException.METHOD_NOT_ALLOWED, "Method not allowed", detail, null);
        return allow == null || allow.isBlank() ? response
                : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
    }

    /** Says what was wrong with the JSON and where, without echoing internal class names. */
    static String describe(JsonProcessingException e) {
        String where = "";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            where = " at '" + mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[") + "'";
        }
        if (e instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            String expected = target == null ? "another type" : typeName(target);
            return "Wrong type" + where + ": expected " + expected;
        }
        String message = e.getOriginalMessage();
        int cut = message == null ? -1 : message.indexOf('\n');
        String line = cut >= 0 ? message.substring(0, cut) : String.valueOf(message);
        // Jackson's limits name the method that sets them ("from `StreamReadConstraints.getMaxNestingDepth()`").
        return "Malformed JSON" + where + ": " + line.replaceAll(",? from `[^`]*`", "");
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class
                || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** {@code create.request.sizeBytes} becomes {@code size_bytes}; a query parameter keeps its own name. */
    static String fieldName(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = snake(node.getName());
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null && !parts.isEmpty()) {
                    int last = parts.size() - 1;
                    parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
                }
                continue;
            }
            String name = snake(node.getName());
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            parts.add(name);
        }
        if (parts.isEmpty()) {
            return parameter == null ? "request" : parameter;
        }
        return String.join(".", parts);
    }

    private static String snake(String name) {
        return name == null ? "" : name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
