package ai.datasuite.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Tasks page (seed 000): an annotator imports the GAIA fixture zip through the page and reads the match report,
 * the task list and its charts, edits a task's steps (with a script in a step) and sees the next version and its
 * diff; a plain user reads the tasks and their history but gets no import, run or edit controls. The console's
 * suite has no LLM, so a run is refused with the problem's words (runs, results and the compare view need one).
 */
@ExtendWith(ConsoleExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleTasksSystemTest {

    static final String XSS = ConsoleSignInSystemTest.XSS;
    /** Unique per run, so that a save on a reused suite always makes a new version. */
    static final String EDITED_STEP = "Add up all 15 values of the Square column (" + ConsoleSuite.RUN + ") " + XSS;

    static Browser browser;
    static ConsoleSuite suite;
    static String annotatorKey;
    static String userKey;
    static Path snapshot;
    static int versionBefore;

    @BeforeAll
    static void start(Browser b, ConsoleSuite s) throws Exception {
        browser = b;
        suite = s;
        annotatorKey = s.key("tina", "annotator");
        userKey = s.key("ugo", "user");
        snapshot = Files.createTempFile("gaia-snapshot-", ".zip");
        Files.write(snapshot, GaiaFixture.zip());
    }

    @AfterAll
    static void clean() throws Exception {
        if (snapshot != null) {
            Files.deleteIfExists(snapshot);
        }
    }

    @Test
    @Order(1)
    void anAnnotatorImportsTheSnapshotAndReadsTheMatchReport() {
        browser.signIn(annotatorKey, "/tasks");
        tab("tab-import");
        browser.visible(By.id("import-list"));
        browser.chooseFile(By.id("import-file"), snapshot);
        browser.driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();

        browser.text(By.id("import-progress"), "Import finished");
        assertEquals("100", browser.driver.findElement(By.cssSelector("#import-progress .progress"))
                .getAttribute("aria-valuenow"));
        WebElement figures = browser.visible(By.id("report-figures"));
        assertTrue(figures.getText().contains("10\nrows read"), figures.getText());
        assertTrue(figures.getText().contains(GaiaFixture.WITH_FILE_PRESENT.size() + "\ntasks matched to a file"),
                figures.getText());
        browser.text(By.id("rows-without-files"), GaiaFixture.MISSING_FILE + ".pptx");
        browser.text(By.id("files-without-rows"), GaiaFixture.EXTRA_FILE);
        // The import is listed among the user's imports with the report a click away.
        browser.text(By.id("import-list"), "Show report");
    }

    @Test
    @Order(2)
    void theTasksAreListedWithTheirCharts() throws Exception {
        tab("tab-tasks");
        browser.visible(By.cssSelector("#task-rows tr[data-task-id='" + GaiaFixture.XLSX + "']"));
        // The charts are drawn from the API's counts: every fixture task is in the level chart, every type shows.
        long tasks = browser.waitUntil(d -> {
            Object sum = browser.js("const c = window.Chart && Chart.getChart('chart-levels');"
                    + " return c ? c.data.datasets[0].data.reduce((a, b) => a + b, 0) : null;");
            return sum instanceof Number n ? n.longValue() : null;
        });
        assertTrue(tasks >= GaiaFixture.TASKS, "tasks in the level chart: " + tasks);
        @SuppressWarnings("unchecked")
        List<String> types = (List<String>) browser.js("return Chart.getChart('chart-file-types').data.labels;");
        assertTrue(types.containsAll(List.of("xlsx", "pptx", "png", "no file")), types.toString());
        browser.text(By.id("task-stats"), "tasks");
        assertTrue(browser.js("return Chart.getChart('chart-tools') !== undefined;").equals(Boolean.TRUE));

        new Select(browser.driver.findElement(By.id("filter-level"))).selectByValue("3");
        browser.waitUntil(d -> browser.all(By.cssSelector("#task-rows tr[data-task-id='" + GaiaFixture.XLSX + "']"))
                .isEmpty());
        new Select(browser.driver.findElement(By.id("filter-level"))).selectByValue("");
        browser.visible(By.cssSelector("#task-rows tr[data-task-id='" + GaiaFixture.XLSX + "']"));
        browser.readmeShot("tasks");
    }

    @Test
    @Order(3)
    void anAnnotatorEditsTheStepsAndSeesTheNextVersionAndItsDiff() {
        openTask(GaiaFixture.XLSX);
        WebElement newest = browser.visible(By.cssSelector("#steps-history details.version"));
        versionBefore = Integer.parseInt(newest.getAttribute("data-version"));
        WebElement steps = browser.driver.findElement(By.id("steps-text"));
        steps.clear();
        steps.sendKeys("Open the attached spreadsheet.\nFind the Square column.\n" + EDITED_STEP);
        browser.driver.findElement(By.id("steps-note")).sendKeys("the answer is the sum " + XSS);
        browser.driver.findElement(By.cssSelector("#steps-form button[type=submit]")).click();

        int next = versionBefore + 1;
        browser.text(By.id("steps-saved"), "Saved as version " + next);
        browser.text(By.cssSelector("#steps-saved .diff-added"), EDITED_STEP);
        browser.waitUntil(d -> String.valueOf(next).equals(browser.driver.findElement(
                By.cssSelector("#steps-history details.version")).getAttribute("data-version")));
        browser.text(By.cssSelector("#steps-history details.version .note"), "the answer is the sum <img src=x");
        browser.text(By.cssSelector("#steps-history details.version .diff-added"), EDITED_STEP);
        browser.text(By.id("task-facts"), next + " (edited)");
        assertFalse(browser.scriptRan(), "a step's text never runs as script");
        assertTrue(browser.all(By.cssSelector("#task-detail img, #task-detail script")).isEmpty(), "nor becomes markup");

        // Saving the same steps again makes no new version.
        browser.driver.findElement(By.cssSelector("#steps-form button[type=submit]")).click();
        browser.text(By.id("steps-saved"), "No change: version " + next);

        // The scorer scores an answer against the task's final answer as GAIA does ("$1,240" is 1240).
        browser.driver.findElement(By.id("score-answer")).sendKeys("$1,240");
        browser.driver.findElement(By.cssSelector("#score-form button[type=submit]")).click();
        browser.text(By.id("score-result"), "Right");
    }

    @Test
    @Order(4)
    void aRunWithoutAnLlmIsRefusedInWordsAndTheRunsStayListed() {
        tab("tab-runs");
        browser.waitUntil(d -> !browser.driver.findElement(By.id("run-list")).getText().isBlank());
        browser.driver.findElement(By.cssSelector("#run-form button[type=submit]")).click();
        // The console's suite has no LLM: the gateway's 409 says which settings to give. With one, the run starts.
        browser.waitUntil(d -> browser.driver.findElement(By.id("run-error")).isDisplayed()
                || browser.driver.findElement(By.id("run-detail")).isDisplayed());
        if (browser.driver.findElement(By.id("run-error")).isDisplayed()) {
            browser.text(By.id("run-error"), "SUITE_LLM_BASE_URL");
        } else {
            browser.visible(By.cssSelector("#run-detail .progress"));
        }
        assertTrue(browser.visible(By.id("run-list")).isDisplayed());
        tab("tab-compare");
        // No LLM, no runs: the view says what it needs. Runs left by an earlier suite with an LLM: they compare.
        browser.waitUntil(d -> browser.all(By.cssSelector("#compare-a option")).size() >= 2
                || !d.findElement(By.id("compare-result")).getText().isBlank());
        if (browser.all(By.cssSelector("#compare-a option")).size() >= 2) {
            browser.driver.findElement(By.cssSelector("#compare-form button[type=submit]")).click();
            browser.text(By.id("compare-result"), "tasks finished in both");
        } else {
            browser.text(By.id("compare-result"), "Two runs with finished tasks are needed");
        }
    }

    @Test
    @Order(5)
    void aUserReadsTasksAndHistoryButCannotImportRunOrEdit() {
        browser.size(390, 844);
        try {
            browser.signIn(userKey, "/tasks");
            openTask(GaiaFixture.XLSX);
            for (String tab : List.of("tab-import", "tab-runs", "tab-compare")) {
                assertFalse(browser.driver.findElement(By.id(tab)).isDisplayed(), tab + " is for annotators");
            }
            assertFalse(browser.driver.findElement(By.id("steps-edit")).isDisplayed(), "a user does not edit steps");
            assertEquals("true", browser.driver.findElement(By.id("steps-text")).getAttribute("readonly"));
            browser.text(By.cssSelector("#steps-history details.version .diff-added"), EDITED_STEP);
            assertFalse(browser.scriptRan(), "a step's text never runs as script");
            Object wide = browser.js("return [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                    + ".filter(e => !(e.parentElement && e.parentElement.closest('.table-wrap')))"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 5)"
                    + ".concat(document.documentElement.scrollWidth > window.innerWidth ? ['the page'] : []);");
            assertEquals(List.of(), wide, "the page fits a phone's width (tables scroll in their box)");
        } finally {
            browser.size(1280, 900);
        }
        List<String> violations = browser.consoleMessages().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).toList();
        assertTrue(violations.isEmpty(), "no script error or policy violation: " + violations);
    }

    /** Scrolls up to the tabs (the sticky header would cover them) and opens one. */
    private static void tab(String id) {
        browser.js("window.scrollTo(0, 0)");
        browser.visible(By.id(id)).click();
        browser.waitUntil(d -> "true".equals(d.findElement(By.id(id)).getAttribute("aria-selected")));
    }

    private static void openTask(String taskId) {
        browser.visible(By.cssSelector("#task-rows button[aria-label='Open task " + taskId + "']")).click();
        browser.text(By.id("task-title"), taskId);
        browser.visible(By.cssSelector("#steps-history details.version"));
    }
}
