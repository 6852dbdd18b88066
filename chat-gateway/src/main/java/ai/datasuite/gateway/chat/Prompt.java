package ai.datasuite.gateway.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

import ai.datasuite.gateway.client.MetadataConversations.Message;
import ai.datasuite.gateway.client.RetrievalSearchResult.Hit;
import ai.datasuite.gateway.config.ChatConfig;

/**
 * The messages sent to the LLM, from the templates {@code prompts/system.txt} and {@code prompts/user.txt} (read
 * once): the system rules, the conversation's window as earlier chat messages, then the question with its sources.
 * Each source is quoted between {@code <<<SOURCE n>>>} and {@code <<<END SOURCE n>>>} lines; runs of three or more
 * {@code <} or {@code >} inside a source are shortened to two, so no text can close its quote and pose as the
 * gateway's own words.
 */
@ApplicationScoped
public class Prompt {

    static final String SYSTEM = "prompts/system.txt";
    static final String USER = "prompts/user.txt";
    private static final Pattern OPEN_RUN = Pattern.compile("<{3,}");
    private static final Pattern CLOSE_RUN = Pattern.compile(">{3,}");

    private final String system;
    private final String user;
    private final int maxSourceChars;

    @Inject
    public Prompt(ChatConfig config) {
        this(read(SYSTEM), read(USER), config.maxSourceChars());
    }

    Prompt(String system, String user, int maxSourceChars) {
        this.system = system.strip();
        this.user = user.strip();
        this.maxSourceChars = maxSourceChars;
    }

    List<ChatMessage> messages(String question, List<Hit> sources, List<Message> history) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(system));
        for (Message earlier : history) {
            if (earlier.content() == null || earlier.content().isBlank()) {
                continue;
            }
            messages.add("assistant".equals(earlier.role()) ? AiMessage.from(earlier.content())
                    : UserMessage.from(earlier.content()));
        }
        messages.add(UserMessage.from(user.replace("{{sources}}", quote(sources))
                .replace("{{question}}", question.strip())));
        return messages;
    }

    String quote(List<Hit> sources) {
        StringBuilder quoted = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            Hit hit = sources.get(i);
            int n = i + 1;
            if (i > 0) {
                quoted.append("\n\n");
            }
            quoted.append("<<<SOURCE ").append(n).append(">>>\n")
                    .append("(from ").append(hit.isPublic() ? "a notice" : "the user's document")
                    .append(' ').append(neutralise(hit.sourceFileId())).append(", chunk ").append(hit.position())
                    .append(")\n")
                    .append(neutralise(Citations.clip(hit.text(), maxSourceChars)).strip())
                    .append("\n<<<END SOURCE ").append(n).append(">>>");
        }
        return quoted.toString();
    }

    static String neutralise(String text) {
        if (text == null) {
            return "";
        }
        return CLOSE_RUN.matcher(OPEN_RUN.matcher(text).replaceAll("<<")).replaceAll(">>");
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The prompt template " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
