package ai.datasuite.gateway.chat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ai.datasuite.gateway.config.ChatConfig;
import ai.datasuite.gateway.key.NewKeyRequest;
import ai.datasuite.problem.ProblemException;

/** The checks of a chat request, each a 400 naming its field (and the limit with its configuration key). */
final class ChatRequests {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern USER_ID = Pattern.compile(NewKeyRequest.USER_ID);

    private ChatRequests() {
    }

    static void validate(ChatRequest request, ChatConfig config) {
        if (request == null) {
            throw invalid("query", "is required (send a JSON body such as {\"query\": \"...\"})");
        }
        if (request.query() == null) {
            throw invalid("query", "is required");
        }
        if (request.query().isBlank()) {
            throw invalid("query", "must not be blank");
        }
        if (request.query().length() > config.maxQueryChars()) {
            throw invalid("query", "must be at most " + config.maxQueryChars()
                    + " characters (gateway.chat.max-query-chars)");
        }
        if (request.topK() != null && (request.topK() < 1 || request.topK() > config.maxTopK())) {
            throw invalid("top_k", "must be between 1 and " + config.maxTopK() + " (gateway.chat.max-top-k)");
        }
        if (request.conversationId() != null && !UUID.matcher(request.conversationId()).matches()) {
            throw invalid("conversation_id", "must be a conversation id (a UUID) as an earlier answer gave it");
        }
        if (request.userId() != null && !USER_ID.matcher(request.userId()).matches()) {
            throw invalid("user_id", "must match " + NewKeyRequest.USER_ID);
        }
    }

    static ProblemException invalid(String field, String message) {
        return ProblemException.validation(field + " " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
