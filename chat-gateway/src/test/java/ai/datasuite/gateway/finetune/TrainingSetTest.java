package ai.datasuite.gateway.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TrainingSetTest {

    private final ObjectMapper json = new ObjectMapper();

    private List<JsonNode> examples(TrainingSet set) throws Exception {
        String text = new String(set.jsonl(), StandardCharsets.UTF_8);
        assertTrue(text.isEmpty() || text.endsWith("\n"));
        return text.lines().map(line -> {
            try {
                return json.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not one JSON object per line: " + line, e);
            }
        }).toList();
    }

    @Test
    void eachExampleIsSystemUserAssistantOnOneLine() throws Exception {
        TrainingSet set = new TrainingSet(json, "Answer from the context.", 100);
        set.addRow("Line one.\nLine \"two\".", "What is two?", "Line two.");
        set.addRatedTurn("Opening hours?", "9 to 17.");
        List<JsonNode> examples = examples(set);
        assertEquals(2, examples.size());
        JsonNode row = examples.get(0).get("messages");
        assertEquals("system", row.get(0).get("role").asText());
        assertEquals("Answer from the context.", row.get(0).get("content").asText());
        assertEquals("user", row.get(1).get("role").asText());
        assertEquals("Line one.\nLine \"two\".\n\nQuestion: What is two?", row.get(1).get("content").asText());
        assertEquals("assistant", row.get(2).get("role").asText());
        assertEquals("Line two.", row.get(2).get("content").asText());
        JsonNode turn = examples.get(1).get("messages");
        assertEquals("Opening hours?", turn.get(1).get("content").asText());
        assertEquals("9 to 17.", turn.get(2).get("content").asText());
        assertEquals(1, set.fromDatasets());
        assertEquals(1, set.fromChats());
    }

    @Test
    void blanksAndRepeatsAreLeftOutAndTheSetStopsAtItsLimit() throws Exception {
        TrainingSet set = new TrainingSet(json, "s", 3);
        assertTrue(set.addRow("c", " ", "a"));
        assertTrue(set.addRow("c", "q", null));
        assertTrue(set.addRatedTurn("", "a"));
        assertTrue(set.addRow(null, "q1", "a1"));
        assertTrue(set.addRow(null, "q1", "a1"));
        assertTrue(set.addRatedTurn("q2", "a2"));
        assertFalse(set.addRatedTurn("q3", "a3")); // the third fills it
        assertFalse(set.addRow("c", "q4", "a4"));
        assertEquals(3, set.size());
        List<JsonNode> examples = examples(set);
        assertEquals("Question: q1", examples.get(0).get("messages").get(1).get("content").asText());
        assertEquals(List.of("a1", "a2", "a3"), examples.stream()
                .map(e -> e.get("messages").get(2).get("content").asText()).toList());
    }
}
