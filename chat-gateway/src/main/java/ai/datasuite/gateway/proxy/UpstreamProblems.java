package ai.datasuite.gateway.proxy;

import java.time.Duration;
import java.util.Map;

import ai.datasuite.problem.ProblemException;

/**
 * What the gateway answers when it could not get a service's answer, in the caller's terms: which service and what
 * to do (never its internal address, which ProxyExchange logs). A service's own answers, errors included, pass unchanged.
 */
final class UpstreamProblems {

    private UpstreamProblems() {
    }

    /** 503: the service could not be reached (refused, unresolvable, no connection in time). Nothing was sent. */
    static ProblemException unreachable(Upstreams.Target target, String reason, int retryAfterSeconds) {
        return unavailable(target, "is unavailable (" + reason + "). Start it (./suite start, or docker compose up -d "
                + target.upstream().service() + ") and retry.", retryAfterSeconds);
    }

    /** 503 at once: the service's breaker is open after repeated failures. */
    static ProblemException breakerOpen(Upstreams.Target target, long openMillis) {
        int seconds = (int) Math.max(1, (openMillis + 999) / 1000);
        return unavailable(target, "is unavailable: its recent requests failed, so the gateway is not calling it for "
                + seconds + " s. Check that it runs (./suite status) and retry then.", seconds);
    }

    /** 504: the whole request went out and no answer came in time. */
    static ProblemException timeout(Upstreams.Target target, Duration timeout) {
        return new ProblemException(504, target.upstream().service() + "-timeout",
                target.upstream().service() + " did not answer in time",
                target.upstream().service() + " did not answer within " + timeout.toSeconds()
                        + " s (gateway.proxy.response-timeout). It may still complete the request: check before"
                        + " repeating it.",
                Map.of("service", target.upstream().service()));
    }

    /** 502: the connection broke after the request was sent, before an answer came. */
    static ProblemException broken(Upstreams.Target target) {
        return new ProblemException(502, target.upstream().service() + "-failed",
                target.upstream().service() + " failed to answer",
                "The connection to " + target.upstream().service() + " broke before it"
                        + " answered. The request may or may not have been applied: check before repeating it.",
                Map.of("service", target.upstream().service()));
    }

    private static ProblemException unavailable(Upstreams.Target target, String what, int retryAfterSeconds) {
        return new ProblemException(503, target.upstream().service() + "-unavailable",
                target.upstream().service() + " unavailable",
                target.upstream().service() + " " + what,
                Map.of("service", target.upstream().service(), "retry_after_seconds", retryAfterSeconds))
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }
}
