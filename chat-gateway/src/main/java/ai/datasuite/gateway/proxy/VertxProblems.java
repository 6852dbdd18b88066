package ai.datasuite.gateway.proxy;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/** RFC 9457 problems written straight to Vert.x, for the routes that are not REST resources. */
public final class VertxProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VertxProblems() {
    }

    /** The problem's JSON body, as problem-support writes it for REST resources. */
    public static Buffer body(ProblemException problem) {
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(Problems.body(problem.status(), problem.slug(),
                    problem.title(), problem.detail(), problem.extensions())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body is plain data", e);
        }
    }

    /** Answers the problem unless an answer has begun (then there is nothing left to tell the client). */
    public static void send(HttpServerResponse response, ProblemException problem) {
        if (response.headWritten() || response.closed()) {
            return;
        }
        response.setStatusCode(problem.status());
        response.putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE);
        problem.headers().forEach(response::putHeader);
        response.end(body(problem));
    }

    /**
     * What to answer for a failure in a route: a problem as it is; anything else is logged to {@code log} with
     * {@code what} went wrong and answered as a 500 in those words (never the exception's text).
     */
    public static ProblemException of(Throwable failure, String what, Logger log) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        log.error(what, failure);
        return new ProblemException(500, ProblemException.INTERNAL, "Internal error",
                what + "; the failure was logged. Retry, or report it to the operator.", null);
    }

    /**
     * Answers a problem on a route whose body may still be coming (an upload): the connection closes after the
     * answer instead of the body being read.
     */
    public static void reject(RoutingContext context, ProblemException problem) {
        HttpServerRequest request = context.request();
        if (!request.isEnded()) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            context.response().endHandler(done -> request.connection().close());
        }
        request.resume();
        send(context.response(), problem);
    }
}
