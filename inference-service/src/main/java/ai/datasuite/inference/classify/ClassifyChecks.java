package ai.datasuite.inference.classify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import ai.datasuite.inference.LimitProblem;
import ai.datasuite.inference.config.ClassifyConfig;
import ai.datasuite.problem.ProblemException;

/**
 * The checks of both classify requests against the {@code inference.classify.*} limits: too many texts, examples or
 * labels is 413, a value too long 400, each naming its key; blank or missing values 400 naming the field.
 */
@ApplicationScoped
public class ClassifyChecks {

    static final int DEFAULT_TOP_K = 3;
    private static final String PREFIX = "inference.classify.";

    private final ClassifyConfig config;

    public ClassifyChecks(ClassifyConfig config) {
        this.config = config;
    }

    public void texts(List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            throw invalid("texts", "texts is missing or empty; send at least one text to classify");
        }
        int max = config.maxTexts();
        if (texts.size() > max) {
            throw LimitProblem.tooLarge("Too many texts", texts.size() + " texts in one request; at most " + max
                    + " are accepted", PREFIX + "max-texts", max, Map.of("texts", texts.size()));
        }
        for (int i = 0; i < texts.size(); i++) {
            text("texts[" + i + "]", texts.get(i));
        }
    }

    public int topK(Integer topK) {
        if (topK == null) {
            return DEFAULT_TOP_K;
        }
        if (topK < 1 || topK > config.maxTopK()) {
            throw invalid("top_k", "top_k is " + topK + "; it must be between 1 and " + config.maxTopK()
                    + " (more than the number of labels returns them all)");
        }
        return topK;
    }

    /** Checks the labels and descriptions; answers each label's description texts (absent: none given). */
    public Map<String, List<String>> labels(List<String> labels, Map<String, JsonNode> descriptions) {
        if (labels == null || labels.size() < 2) {
            throw invalid("labels", "labels needs at least two labels to choose from; "
                    + (labels == null ? "none were sent" : labels.size() + " was sent"));
        }
        labelCount(labels.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            label("labels[" + i + "]", label);
            if (!seen.add(label)) {
                throw invalid("labels[" + i + "]", "labels[" + i + "] '" + label + "' appears twice; labels must be"
                        + " unique");
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (descriptions == null) {
            return out;
        }
        for (var entry : descriptions.entrySet()) {
            String field = "label_descriptions." + entry.getKey();
            if (!seen.contains(entry.getKey())) {
                throw invalid(field, "label_descriptions names '" + entry.getKey() + "', which is not in labels");
            }
            JsonNode node = entry.getValue();
            List<String> texts = new ArrayList<>();
            if (node != null && node.isTextual()) {
                texts.add(node.asText());
            } else if (node != null && node.isArray() && !node.isEmpty()) {
                for (JsonNode item : node) {
                    if (!item.isTextual()) {
                        throw invalid(field, field + " must be a text or a list of texts");
                    }
                    texts.add(item.asText());
                }
            } else {
                throw invalid(field, field + " must be a text or a non-empty list of texts");
            }
            for (int i = 0; i < texts.size(); i++) {
                text(texts.size() == 1 && node.isTextual() ? field : field + "[" + i + "]", texts.get(i));
            }
            out.put(entry.getKey(), List.copyOf(texts));
        }
        return out;
    }

    public void examples(List<FewShotRequest.Example> examples) {
        if (examples == null || examples.isEmpty()) {
            throw invalid("examples", "examples is missing or empty; send labelled examples of at least two labels");
        }
        int max = config.maxExamples();
        if (examples.size() > max) {
            throw LimitProblem.tooLarge("Too many examples", examples.size() + " examples in one request; at most "
                    + max + " are accepted", PREFIX + "max-examples", max, Map.of("examples", examples.size()));
        }
        Set<String> labels = new LinkedHashSet<>();
        for (int i = 0; i < examples.size(); i++) {
            FewShotRequest.Example e = examples.get(i);
            if (e == null) {
                throw invalid("examples[" + i + "]", "examples[" + i + "] is null; each example is {\"text\", \"label\"}");
            }
            text("examples[" + i + "].text", e.text());
            label("examples[" + i + "].label", e.label());
            labels.add(e.label());
        }
        if (labels.size() < 2) {
            throw invalid("examples", "the examples carry " + labels.size() + " distinct label; a few-shot head needs"
                    + " examples of at least two labels");
        }
        labelCount(labels.size());
    }

    private void labelCount(int count) {
        int max = config.maxLabels();
        if (count > max) {
            throw LimitProblem.tooLarge("Too many labels", count + " labels in one request; at most " + max
                    + " are accepted", PREFIX + "max-labels", max, Map.of("labels", count));
        }
    }

    private void label(String field, String label) {
        if (label == null || label.isBlank()) {
            throw invalid(field, field + " is " + (label == null ? "missing" : "blank") + "; every label needs a name");
        }
        text(field, label);
    }

    private void text(String field, String text) {
        if (text == null || text.isBlank()) {
            throw invalid(field, field + " is " + (text == null ? "missing" : "empty or blank")
                    + "; every text needs some content");
        }
        int max = config.maxTextChars();
        int chars = text.codePointCount(0, text.length());
        if (chars > max) {
            throw LimitProblem.invalid(field + " has " + chars + " characters; at most " + max + " are accepted",
                    PREFIX + "max-text-chars", max, Map.of("field", field, "chars", chars));
        }
    }

    private static ProblemException invalid(String field, String detail) {
        return ProblemException.validation(detail, Map.of("errors", List.of(Map.of("field", field, "message", detail))));
    }
}
