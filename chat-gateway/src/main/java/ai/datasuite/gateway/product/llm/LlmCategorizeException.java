package ai.datasuite.gateway.product.llm;

/**
 * The LLM could not be asked (none configured, or the call failed after the configured retries); the message is in
 * the user's words ({@link ai.datasuite.gateway.llm.LlmFailure}): the server's address and status, never a body.
 */
public class LlmCategorizeException extends RuntimeException {

    public LlmCategorizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
