package ai.datasuite.gateway.chat;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import ai.datasuite.gateway.client.MetadataConversations.Message;
import ai.datasuite.gateway.config.LlmConfig;

/**
 * A chat turn as server-sent events: {@code token} ({@code {"text"}}) per LLM token, then {@code citations} (the
 * array), then {@code done} ({@code {conversation_id, message_id, mode, model, note?}}). Extractive answers stream as
 * word tokens too. An LLM failure before its first token falls back to extractive; after tokens began it sends
 * {@code error} and ends with {@code done}. Written by the request's worker thread; the LLM's callbacks (on its HTTP
 * client's threads) hand tokens over through a queue, so nothing runs on an event loop.
 */
@ApplicationScoped
public class ChatStream {

    private static final Logger LOG = Logger.getLogger(ChatStream.class);

    /** The last event of every stream. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Done(String conversationId, Long messageId, String mode, String model, String note) {
    }

    private interface Signal {
    }

    private record Token(String text) implements Signal {
    }

    private record Finished(String text) implements Signal {
    }

    private record Failed(Throwable failure) implements Signal {
    }

    private final ChatService chat;
    private final LlmConfig llm;
    private final ObjectMapper json;

    public ChatStream(ChatService chat, LlmConfig llm, ObjectMapper json) {
        this.chat = chat;
        this.llm = llm;
        this.json = json;
    }

    /** The response body for a turn {@link ChatService#begin} prepared. */
    public StreamingOutput events(Turn turn) {
        return out -> write(turn, new SseWriter(out, json));
    }

    private void write(Turn turn, SseWriter sse) throws IOException {
        String mode = ChatAnswer.EXTRACTIVE;
        String model = null;
        String note = null;
        String answer;
        if (turn.nothingFound()) {
            answer = Extractive.NOTHING_FOUND;
            note = chat.models().configured() ? ChatService.NOTHING_NOTE : ChatService.NO_LLM_NOTE;
            tokens(sse, answer);
        } else if (!chat.models().configured()) {
            answer = chat.extractive(turn);
            note = ChatService.NO_LLM_NOTE;
            tokens(sse, answer);
        } else {
            StringBuilder said = new StringBuilder();
            Throwable failure = streamLlm(turn, sse, said);
            if (failure == null) {
                answer = said.toString();
                mode = ChatAnswer.LLM;
                model = turn.model();
            } else if (said.isEmpty()) {
                note = chat.fallbackNote(failure);
                LOG.warnf("Streamed chat falls back to extractive: %s (%s)", note, failure.toString());
                answer = chat.extractive(turn);
                tokens(sse, answer);
            } else {
                // Tokens were sent: the answer cannot be taken back, so say where it broke off.
                note = chat.brokenOffNote(failure);
                LOG.warnf("Streamed chat broke off: %s (%s)", note, failure.toString());
                sse.send("error", Map.of("detail", note));
                answer = said.toString();
                mode = ChatAnswer.LLM;
                model = turn.model();
            }
        }
        sse.send("citations", turn.citations());
        Long messageId = null;
        try {
            Message stored = chat.record(turn, answer);
            messageId = stored.id();
        } catch (RuntimeException e) {
            LOG.warnf("A streamed answer of conversation %s could not be stored: %s", turn.conversationIdIfRecorded(),
                    e);
            note = (note == null ? "" : note + " ") + "The answer could not be stored in the conversation ("
                    + e.getMessage() + "), so it cannot be rated.";
        }
        sse.send("done", new Done(turn.conversationIdIfRecorded(), messageId, mode, model, note));
    }

    /**
     * Streams the LLM's tokens to the client as they come; null when it completed, else its failure (a pause longer
     * than {@code gateway.llm.timeout} between tokens counts as a timeout).
     */
    private Throwable streamLlm(Turn turn, SseWriter sse, StringBuilder said) throws IOException {
        BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
        try {
            chat.models().streaming(turn.model()).chat(
                    chat.prompt().messages(turn.question(), turn.found().results(), turn.history()),
                    new StreamingChatResponseHandler() {
                        @Override
                        public void onPartialResponse(String text) {
                            signals.add(new Token(text));
                        }

                        @Override
                        public void onCompleteResponse(ChatResponse response) {
                            signals.add(new Finished(response.aiMessage() == null ? null : response.aiMessage().text()));
                        }

                        @Override
                        public void onError(Throwable error) {
                            signals.add(new Failed(error));
                        }
                    });
        } catch (RuntimeException failedToStart) {
            return failedToStart;
        } finally {
            turn.startRecording(); // the prompt is on its way: the bookkeeping no longer delays the first token
        }
        long timeoutMillis = llm.timeout().toMillis();
        while (true) {
            Signal signal;
            try {
                signal = signals.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
            if (signal == null) {
                return new TimeoutException("no token within " + llm.timeout());
            }
            if (signal instanceof Token token) {
                if (token.text() != null && !token.text().isEmpty()) {
                    said.append(token.text());
                    sse.send("token", Map.of("text", token.text()));
                }
            } else if (signal instanceof Finished finished) {
                if (said.isEmpty() && finished.text() != null && !finished.text().isEmpty()) {
                    // A server that answered without streaming deltas: send the whole text as one token.
                    said.append(finished.text());
                    sse.send("token", Map.of("text", finished.text()));
                }
                return null;
            } else if (signal instanceof Failed failed) {
                return failed.failure();
            }
        }
    }

    private static void tokens(SseWriter sse, String answer) throws IOException {
        for (String token : Extractive.tokens(answer)) {
            sse.send("token", Map.of("text", token));
        }
    }
}
