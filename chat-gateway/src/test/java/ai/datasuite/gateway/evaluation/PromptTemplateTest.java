package ai.datasuite.gateway.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** How a prompt's parts are put together, how a file's text is labelled, and how a chart's format is chosen. */
class PromptTemplateTest {

    @Test
    void withoutATemplateTheQuestionFilesAndStepsFollowEachOther() {
        assertEquals("Q?\n\nF\n\nS", PromptBuilder.fill(null, "Q?", "F", "S"));
        assertEquals("Q?", PromptBuilder.fill(" ", "Q?", "", ""));
        assertEquals("Q?\n\nS", PromptBuilder.fill(null, "Q?", "", "S"));
    }

    @Test
    void aTemplatePlacesThePartsOnceAndAppendsTheOnesItLeavesOut() {
        assertEquals("Steps: S\nQuestion: Q?\nFile: F",
                PromptBuilder.fill("Steps: {{steps}}\nQuestion: {{question}}\nFile: {{file}}", "Q?", "F", "S"));
        assertEquals("Q: Q?\n\nF\n\nS", PromptBuilder.fill("Q: {{question}}", "Q?", "F", "S"));
        // a question quoting a placeholder stays as it is: the template is filled in one pass
        assertEquals("Q: what is {{file}}?\n\nF", PromptBuilder.fill("Q: {{question}}", "what is {{file}}?", "F",
                ""));
        assertEquals("Q? / Q?", PromptBuilder.fill("{{question}} / {{question}}", "Q?", "", ""));
    }

    @Test
    void theLabelSaysHowToReadTheFilesText() {
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; a spreadsheet as a"
                + " tab-separated table, one row per line", PromptBuilder.kind("sales.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertEquals("application/zip; a zip archive, each entry's text after its === entry === label",
                PromptBuilder.kind("bundle.zip", "application/zip"));
        assertEquals("text/csv; a comma-separated table", PromptBuilder.kind("rows.csv", "text/csv"));
        assertEquals("text/plain", PromptBuilder.kind("notes.txt", "text/plain"));
    }

    @Test
    void aChartIsPngWhenAskedByFormatOrByAnAcceptThatPrefersIt() {
        assertEquals("png", EvaluationService.format("png", null));
        assertEquals("json", EvaluationService.format("json", "image/png"));
        assertEquals("png", EvaluationService.format(null, "image/png"));
        assertEquals("png", EvaluationService.format(null, "image/png, application/json;q=0.5"));
        assertNull(EvaluationService.format(null, "application/json, image/png"));
        assertNull(EvaluationService.format(null, "*/*"));
        assertNull(EvaluationService.format(null, null));
    }
}
