package ai.datasuite.gateway.product.llm;

import ai.datasuite.problem.ProblemException;

/**
 * The LLM could not be asked: none is configured (409 {@code llm-not-configured}), or a call failed after the
 * configured retries (502 {@code llm-failed}). The detail is in the user's words ({@link
 * ai.datasuite.gateway.llm.LlmFailure}: the server's address and its status, never its body), so a job can show it.
 */
public class LlmCategorizeException extends ProblemException {

    public static final String LLM_FAILED = "llm-failed";
    public static final String LLM_NOT_CONFIGURED = "llm-not-configured";

    private LlmCategorizeException(int status, String slug, String title, String detail, Throwable cause) {
        super(status, slug, title, detail);
        if (cause != null) {
            initCause(cause);
        }
    }

    static LlmCategorizeException notConfigured() {
        return new LlmCategorizeException(409, LLM_NOT_CONFIGURED, "No LLM configured", "Categorizing with an LLM"
                + " needs one: set gateway.llm.api-key for OpenAI, or gateway.llm.base-url for an OpenAI-compatible"
                + " server.", null);
    }

    static LlmCategorizeException failed(String reason, int retries, Throwable cause) {
        return new LlmCategorizeException(502, LLM_FAILED, "The LLM failed", "Categorizing with the LLM stopped: "
                + reason + " (tried " + (retries + 1) + " time(s), gateway.chat.llm-max-retries = " + retries
                + "). Texts it had already answered are cached and are not sent again when you start over.", cause);
    }
}
