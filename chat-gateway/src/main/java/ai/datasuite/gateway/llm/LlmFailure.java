package ai.datasuite.gateway.llm;

import java.net.URI;
import java.net.http.HttpTimeoutException;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;

/** Why an LLM call failed, in the user's words: the server's address and its HTTP status, or that it timed out. */
public final class LlmFailure {

    private LlmFailure() {
    }

    /** E.g. "the LLM at 127.0.0.1:8000 failed: HTTP 500" or "the LLM at api.openai.com timed out". */
    public static String describe(Throwable failure, String baseUrl) {
        String at = "the LLM at " + host(baseUrl);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                return at + " failed: HTTP " + http.statusCode();
            }
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return at + " timed out";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.ConnectException) {
            return at + " refused the connection";
        }
        if (root instanceof com.fasterxml.jackson.core.JacksonException) {
            return at + " sent an answer that is not OpenAI's format";
        }
        return at + " failed: " + root.getClass().getSimpleName();
    }

    /** host:port of the base URL (never its path or any credentials in it). */
    static String host(String baseUrl) {
        try {
            URI uri = URI.create(baseUrl);
            if (uri.getHost() == null) {
                return baseUrl;
            }
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return "the configured address";
        }
    }
}
