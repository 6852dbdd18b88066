package ai.datasuite.gateway.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;

import ai.datasuite.gateway.client.EvaluationFilesClient;
import ai.datasuite.gateway.client.IngestClient;
import ai.datasuite.gateway.client.IngestFile;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.EvaluationTask;
import ai.datasuite.gateway.client.MetadataEvaluationsClient.TaskFile;
import ai.datasuite.gateway.config.EvaluationConfig;

/**
 * Builds a task's prompt: GAIA's system prompt, then the question, each linked file (text-bearing files as ingest's
 * extracted text, labelled; images as image content with vision, else their facts) and, with {@code use_steps}, the
 * task's current steps as guidance. A {@code prompt_template} places {@code {{question}}}, {@code {{file}}} and
 * {@code {{steps}}}; a file or steps section it leaves out is appended (the model always gets the task's file). The
 * files' text shares what {@code gateway.evaluations.max-prompt-chars} leaves after the rest; a cut is noted.
 */
@ApplicationScoped
public class PromptBuilder {

    /** GAIA's official system prompt. */
    public static final String GAIA_SYSTEM_PROMPT = "You are a general AI assistant. I will ask you a question."
            + " Report your thoughts, and finish your answer with the following template: FINAL ANSWER: [YOUR FINAL"
            + " ANSWER]. YOUR FINAL ANSWER should be a number OR as few words as possible OR a comma separated list"
            + " of numbers and/or strings. If you are asked for a number, don't use comma to write your number"
            + " neither use units such as $ or percent sign unless specified otherwise. If you are asked for a"
            + " string, don't use articles, neither abbreviations (e.g. for cities), and write the digits in plain"
            + " text unless specified otherwise. If you are asked for a comma separated list, apply the above rules"
            + " depending of whether the element to be put in the list is a number or a string.";
    public static final String QUESTION = "{{question}}";
    public static final String FILE = "{{file}}";
    public static final String STEPS = "{{steps}}";
    static final String BUDGET_KEY = "gateway.evaluations.max-prompt-chars";
    private static final int MAX_FACTS_CHARS = 2000;

    private final IngestClient ingest;
    private final EvaluationFilesClient files;
    private final EvaluationConfig config;

    public PromptBuilder(IngestClient ingest, EvaluationFilesClient files, EvaluationConfig config) {
        this.ingest = ingest;
        this.files = files;
        this.config = config;
    }

    /** One linked file as it goes into the prompt: its label, its text (cut later) or facts, or an image. */
    private static final class Part {
        final String label;
        String text;
        final boolean cuttable;
        final byte[] image;
        final String imageType;
        /** The whole text's length as ingest recorded it (only the budget's worth is read). */
        long fullLength;

        Part(String label, String text, boolean cuttable, byte[] image, String imageType) {
            this.label = label;
            this.text = text;
            this.cuttable = cuttable;
            this.image = image;
            this.imageType = imageType;
            this.fullLength = text == null ? 0 : text.length();
        }
    }

    /**
     * The prompt of {@code task} for a run; {@code owner}/{@code role} read the files (ingest's owner rules apply).
     */
    public EvaluationPrompt build(EvaluationTask task, String template, boolean useSteps, boolean vision,
                                  String owner, String role) {
        List<String> notes = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        for (TaskFile file : task.linked()) {
            parts.add(part(file, vision, owner, role, notes));
        }
        String steps = task.steps() == null ? "" : task.steps().strip();
        boolean stepsUsed = useSteps && !steps.isEmpty();
        String stepsSection = stepsUsed ? "Steps that solve this task, written by annotators (guidance; you may"
                + " deviate when they are wrong):\n" + steps : "";
        boolean truncated = fitToBudget(parts, task.question(), stepsSection, template, notes);
        String fileSection = String.join("\n\n", parts.stream().map(PromptBuilder::render).toList());
        String text = fill(template, task.question() == null ? "" : task.question(), fileSection, stepsSection);
        List<Content> contents = new ArrayList<>();
        contents.add(TextContent.from(text));
        for (Part part : parts) {
            if (part.image != null) {
                contents.add(ImageContent.from(Base64.getEncoder().encodeToString(part.image), part.imageType));
            }
        }
        return new EvaluationPrompt(GAIA_SYSTEM_PROMPT, text, List.copyOf(contents), truncated,
                notes.isEmpty() ? null : String.join("; ", notes), stepsUsed, task.stepsVersion());
    }

    /** The user message's text: the template filled, or question, files and steps one after another. */
    static String fill(String template, String question, String files, String steps) {
        if (template == null || template.isBlank()) {
            StringBuilder text = new StringBuilder(question);
            if (!files.isEmpty()) {
                text.append("\n\n").append(files);
            }
            if (!steps.isEmpty()) {
                text.append("\n\n").append(steps);
            }
            return text.toString();
        }
        String text = template;
        boolean placesFiles = template.contains(FILE);
        boolean placesSteps = template.contains(STEPS);
        // Placeholders are replaced in one pass, so a question that contains "{{file}}" stays as it is.
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith(QUESTION, i)) {
                out.append(question);
                i += QUESTION.length();
            } else if (text.startsWith(FILE, i)) {
                out.append(files);
                i += FILE.length();
            } else if (text.startsWith(STEPS, i)) {
                out.append(steps);
                i += STEPS.length();
            } else {
                out.append(text.charAt(i++));
            }
        }
        if (!placesFiles && !files.isEmpty()) {
            out.append("\n\n").append(files);
        }
        if (!placesSteps && !steps.isEmpty()) {
            out.append("\n\n").append(steps);
        }
        return out.toString();
    }

    private Part part(TaskFile file, boolean vision, String owner, String role, List<String> notes) {
        String name = file.originalName() == null ? file.id() : file.originalName();
        String mediaType = file.mediaType() == null ? "application/octet-stream" : file.mediaType();
        if (mediaType.toLowerCase(Locale.ROOT).startsWith("image/")) {
            if (vision && file.sizeBytes() <= config.maxImageBytes()) {
                Optional<byte[]> bytes = files.content(file.id(), owner, role);
                if (bytes.isPresent()) {
                    return new Part("[image: " + name + ", " + bytes.get().length + " bytes, sent as image content]",
                            null, false, bytes.get(), mediaType);
                }
                notes.add(name + " could not be read from ingest-service: described by its facts");
            } else if (vision) {
                notes.add(name + " has " + file.sizeBytes() + " bytes, more than gateway.evaluations.max-image-bytes ("
                        + config.maxImageBytes() + "): described by its facts, not sent as an image");
            }
            return new Part("=== File: " + name + " (" + mediaType + "; an image, described by its facts) ===",
                    facts(file, owner, role), false, null, null);
        }
        String text = text(file.id(), owner, role);
        if (text == null) {
            return new Part("=== File: " + name + " (" + mediaType + ") ===",
                    "[no text could be extracted from this file]", false, null, null);
        }
        if (file.textTruncated()) {
            notes.add(name + ": ingest-service kept only the first " + text.length() + " characters of its text");
        }
        Part part = new Part("=== File: " + name + " (" + kind(name, mediaType) + ") ===", text, true, null, null);
        if (file.textLength() != null && file.textLength() > text.length()) {
            part.fullLength = file.textLength();
        }
        return part;
    }

    /** How the file's text is laid out, so the model reads a table as a table. */
    static String kind(String name, String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        String lower = name.toLowerCase(Locale.ROOT);
        if (type.contains("spreadsheet") || type.contains("ms-excel") || lower.endsWith(".xlsx")
                || lower.endsWith(".xls") || lower.endsWith(".ods") || lower.endsWith(".xlsm")) {
            return mediaType + "; a spreadsheet as a tab-separated table, one row per line";
        }
        if (type.contains("zip") || lower.endsWith(".zip")) {
            return mediaType + "; a zip archive, each entry's text after its === entry === label";
        }
        if (type.equals("text/csv") || lower.endsWith(".csv")) {
            return mediaType + "; a comma-separated table";
        }
        return mediaType;
    }

    /** An image's facts: ingest's details (size, format...) and its one-line text. */
    private String facts(TaskFile file, String owner, String role) {
        Map<String, Object> details = file.details();
        if (details == null || details.isEmpty()) {
            details = ingest.get(file.id(), owner, role).map(IngestFile::details).orElse(null);
        }
        StringBuilder facts = new StringBuilder();
        if (details != null) {
            details.forEach((key, value) -> {
                if (value != null && !(value instanceof Map) && !(value instanceof List)) {
                    facts.append(facts.isEmpty() ? "" : ", ").append(key).append(": ").append(value);
                }
            });
        }
        String line = text(file.id(), owner, role);
        if (line != null && !line.isBlank()) {
            facts.append(facts.isEmpty() ? "" : "\n").append(line.strip());
        }
        String result = facts.isEmpty() ? "[no facts are known about this image]" : facts.toString();
        return result.length() <= MAX_FACTS_CHARS ? result : result.substring(0, MAX_FACTS_CHARS) + "...";
    }

    /** ingest's extracted text, read up to the whole budget (more never fits), or null without text. */
    private String text(String id, String owner, String role) {
        Optional<InputStream> stream = ingest.text(id, owner, role);
        if (stream.isEmpty()) {
            return null;
        }
        int limit = config.maxPromptChars() + 1;
        try (Reader reader = new InputStreamReader(stream.get(), StandardCharsets.UTF_8)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            int n;
            while (text.length() < limit && (n = reader.read(buffer, 0, Math.min(buffer.length,
                    limit - text.length()))) > 0) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a file's text from ingest-service failed", e);
        }
    }

    /**
     * Cuts the files' text so the whole text fits {@code max-prompt-chars}: what the question, steps, template and
     * labels leave is shared, the shortest files first, so a short file is kept whole beside a long one.
     */
    private boolean fitToBudget(List<Part> parts, String question, String steps, String template,
                                List<String> notes) {
        int fixed = (question == null ? 0 : question.length()) + steps.length()
                + (template == null ? 0 : template.length()) + 4;
        for (Part part : parts) {
            fixed += part.label.length() + 2 + (part.cuttable || part.text == null ? 0 : part.text.length() + 1);
        }
        List<Part> cuttable = new ArrayList<>(parts.stream().filter(p -> p.cuttable).toList());
        int total = cuttable.stream().mapToInt(p -> p.text.length() + 1).sum();
        int budget = Math.max(0, config.maxPromptChars() - fixed);
        if (total <= budget) {
            return false;
        }
        cuttable.sort(Comparator.comparingInt(p -> p.text.length()));
        List<String> cuts = new ArrayList<>();
        int left = budget;
        for (int i = 0; i < cuttable.size(); i++) {
            Part part = cuttable.get(i);
            int share = left / (cuttable.size() - i);
            int keep = Math.max(0, Math.min(part.text.length(), share - 1));
            if (keep < part.text.length()) {
                String was = part.fullLength > config.maxPromptChars() && part.fullLength == part.text.length()
                        ? "more than " + config.maxPromptChars() : Long.toString(part.fullLength);
                cuts.add(name(part) + " " + was + " -> " + keep + " characters");
                part.text = part.text.substring(0, keep) + "\n[... cut: the prompt holds at most "
                        + config.maxPromptChars() + " characters]";
            }
            left -= keep + 1;
        }
        notes.add("file text cut to fit " + BUDGET_KEY + " (" + config.maxPromptChars() + " characters): "
                + String.join(", ", cuts));
        return true;
    }

    private static String name(Part part) {
        String label = part.label.substring("=== File: ".length());
        int paren = label.lastIndexOf(" (");
        return paren < 0 ? label : label.substring(0, paren);
    }

    private static String render(Part part) {
        if (part.image != null) {
            return part.label;
        }
        return part.label + "\n" + part.text;
    }
}
