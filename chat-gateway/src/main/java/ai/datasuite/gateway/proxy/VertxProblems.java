package ai.datasuite.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

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
}
