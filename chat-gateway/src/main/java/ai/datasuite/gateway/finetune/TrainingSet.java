package ai.datasuite.gateway.finetune;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A chat-format JSONL training set as OpenAI's fine-tuning takes it: one {@code {"messages": [system, user,
 * assistant]}} object per line. Dataset rows put their context before the question; rated chat turns are the
 * question and the answer as asked. Blank pairs and repeats are left out; it stops growing at {@code max}.
 */
public final class TrainingSet {

    private final ObjectMapper json;
    private final String systemPrompt;
    private final int max;
    private final StringBuilder lines = new StringBuilder();
    private final Set<String> seen = new HashSet<>();
    private int fromDatasets;
    private int fromChats;

    public TrainingSet(ObjectMapper json, String systemPrompt, int max) {
        this.json = json;
        this.systemPrompt = systemPrompt;
        this.max = max;
    }

    /** A dataset row; false once the set is full (stop collecting). */
    public boolean addRow(String context, String question, String answer) {
        if (blank(question) || blank(answer)) {
            return !full();
        }
        String user = blank(context) ? "Question: " + question.strip()
                : context.strip() + "\n\nQuestion: " + question.strip();
        if (add(user, answer.strip())) {
            fromDatasets++;
        }
        return !full();
    }

    /** A chat answer its owner rated up; false once the set is full. */
    public boolean addRatedTurn(String question, String answer) {
        if (!blank(question) && !blank(answer) && add(question.strip(), answer.strip())) {
            fromChats++;
        }
        return !full();
    }

    public boolean full() {
        return size() >= max;
    }

    public int size() {
        return fromDatasets + fromChats;
    }

    public int fromDatasets() {
        return fromDatasets;
    }

    public int fromChats() {
        return fromChats;
    }

    public byte[] jsonl() {
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private boolean add(String user, String assistant) {
        if (full() || !seen.add(user + '\u0000' + assistant)) {
            return false;
        }
        ObjectNode example = json.createObjectNode();
        ArrayNode messages = example.putArray("messages");
        messages.addObject().put("role", "system").put("content", systemPrompt);
        messages.addObject().put("role", "user").put("content", user);
        messages.addObject().put("role", "assistant").put("content", assistant);
        lines.append(example).append('\n'); // Jackson escapes newlines inside strings: one example per line
        return true;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
