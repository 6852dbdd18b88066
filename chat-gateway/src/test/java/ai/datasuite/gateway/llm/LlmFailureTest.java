package ai.datasuite.gateway.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.Test;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.TimeoutException;

class LlmFailureTest {

    private static final String URL = "http://user:secret@127.0.0.1:8000/v1";

    @Test
    void namesTheHostAndTheStatusNeverTheCredentials() {
        assertEquals("the LLM at 127.0.0.1:8000 failed: HTTP 500", LlmFailure.describe(
                new InternalServerException(new HttpException(500, "boom")), URL));
        assertEquals("the LLM at api.openai.com failed: HTTP 429", LlmFailure.describe(
                new HttpException(429, "slow down"), "https://api.openai.com/v1"));
    }

    @Test
    void timeoutsAndRefusalsInTheUsersWords() {
        assertEquals("the LLM at 127.0.0.1:8000 timed out",
                LlmFailure.describe(new TimeoutException(new HttpTimeoutException("read")), URL));
        assertEquals("the LLM at 127.0.0.1:8000 timed out",
                LlmFailure.describe(new RuntimeException(new HttpTimeoutException("read")), URL));
        assertEquals("the LLM at 127.0.0.1:8000 refused the connection",
                LlmFailure.describe(new RuntimeException(new ConnectException()), URL));
        assertEquals("the LLM at 127.0.0.1:8000 sent an answer that is not OpenAI's format", LlmFailure.describe(
                new RuntimeException(new com.fasterxml.jackson.core.io.JsonEOFException(null, null, "eof")), URL));
        assertEquals("the LLM at 127.0.0.1:8000 failed: IllegalStateException",
                LlmFailure.describe(new IllegalStateException("odd"), URL));
    }
}
