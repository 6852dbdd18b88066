package ai.datasuite.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
 * The seed 001 emotion app in the console: a user writes a comment and sees its emotion, finds it among their
 * comments; an annotator finds it by its author and labels it inline; the statistics count it. The comment carries a
 * script that must stay text on every page.
 */
@ExtendWith(ConsoleExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleCommentsSystemTest {

    static final String XSS = "<img src=x onerror=\"window.__xss=true\"><script>window.__xss=true</script>";
    /** A clearly happy comment, unique to this run so the lists find exactly it. */
    static final String COMMENT = "I am so happy and grateful today, thank you all! " + ConsoleSuite.RUN + " " + XSS;

    static Browser browser;
    static ConsoleSuite suite;
    static String userKey;
    static String annotatorKey;
    static long labelledBefore;

    @BeforeAll
    static void start(Browser b, ConsoleSuite s) throws Exception {
        browser = b;
        suite = s;
        userKey = s.key("cleo", "user");
        annotatorKey = s.key("arne", "annotator");
    }

    @Test
    @Order(1)
    void aUserSendsACommentAndSeesItsEmotionWithEmojiAndConfidence() throws Exception {
        browser.signIn(userKey, "/statistics");
        labelledBefore = statValue("labelled");

        browser.open("/comments");
        browser.text(By.id("mine"), "No comments yet");
        WebElement text = browser.visible(By.id("comment-text"));
        text.sendKeys(COMMENT);
        // the live preview ranks the emotions while the user types, before anything is stored
        browser.text(By.id("preview-list"), "Joy");
        browser.driver.findElement(By.id("comment-submit")).click();

        WebElement verdict = browser.visible(By.cssSelector("#result .verdict"));
        assertEquals("joy", verdict.getAttribute("data-label"));
        assertEquals("😀", verdict.findElement(By.cssSelector(".big-emoji")).getText());
        assertEquals("Joy", verdict.findElement(By.cssSelector(".verdict-label")).getText());
        String score = verdict.findElement(By.cssSelector(".score-text")).getText();
        assertTrue(score.matches("\\d{1,3}\\.\\d%"), score);
        assertTrue(Double.parseDouble(score.replace("%", "")) > 50, "the model is sure of a happy text: " + score);
        assertEquals("", text.getAttribute("value"), "the form is cleared for the next comment");

        WebElement mine = browser.text(By.id("mine"), "thank you all! " + ConsoleSuite.RUN + " <img src=x onerror=");
        List<WebElement> items = mine.findElements(By.cssSelector(".comment-item"));
        assertEquals(1, items.size(), "a new user has exactly the comment just sent");
        assertEquals("predicted", items.get(0).getAttribute("data-status"));
        assertTrue(items.get(0).getText().contains("Predicted"), items.get(0).getText());
        assertTrue(items.get(0).getText().contains("Joy"), items.get(0).getText());
        assertSafe("#mine");
        browser.readmeShot("comments");
    }

    @Test
    @Order(2)
    void anAnnotatorFindsItByItsAuthorAndLabelsItInline() throws Exception {
        browser.signIn(annotatorKey, "/label");
        // everyone's comments first (at least this run's), then the annotator narrows them down
        browser.waitUntil(d -> !browser.all(By.cssSelector("#rows tr")).isEmpty());
        browser.visible(By.id("f-user")).sendKeys(ConsoleSuite.user("cleo"));
        new Select(browser.driver.findElement(By.id("f-labelled"))).selectByValue("false");
        browser.driver.findElement(By.id("filter-apply")).click();
        browser.waitUntil(d -> browser.all(By.cssSelector("#rows[aria-busy]")).isEmpty()
                && browser.all(By.cssSelector("#rows tr")).size() == 1
                && d.getCurrentUrl().contains("user=" + ConsoleSuite.user("cleo")));
        WebElement row = browser.driver.findElement(By.cssSelector("#rows tr"));
        assertTrue(row.getText().contains(COMMENT), "the comment shows literally: " + row.getText());
        assertSafe("#rows");

        new Select(row.findElement(By.cssSelector("select.true-label"))).selectByValue("joy");
        row.findElement(By.cssSelector("input.feedback-input")).sendKeys("clearly happy " + XSS);
        browser.readmeShot("label");
        row.findElement(By.cssSelector("button.save")).click();
        browser.text(By.cssSelector("#rows tr .row-state"), "Saved");
        // the saved row may be drawn again with its new state: read it afresh
        browser.text(By.cssSelector("#rows tr"), "by " + ConsoleSuite.user("arne"));

        // the filter now finds it among the labelled comments, with the feedback as text
        new Select(browser.driver.findElement(By.id("f-labelled"))).selectByValue("true");
        browser.driver.findElement(By.id("filter-apply")).click();
        browser.waitUntil(d -> browser.all(By.cssSelector("#rows[aria-busy]")).isEmpty()
                && browser.all(By.cssSelector("#rows tr.labelled")).size() == 1);
        assertEquals("clearly happy " + XSS, browser.driver.findElement(By.cssSelector("#rows input.feedback-input"))
                .getAttribute("value"));
        assertFalse(browser.scriptRan());
    }

    @Test
    @Order(3)
    void theStatisticsCountTheLabelAndTheUserSeesIt() throws Exception {
        browser.signIn(userKey, "/statistics");
        long labelledAfter = statValue("labelled");
        assertTrue(labelledAfter > labelledBefore, "labelled " + labelledBefore + " → " + labelledAfter);
        assertTrue(statValue("total") >= 1);
        WebElement joy = browser.visible(By.cssSelector("#per-label tr[data-label=joy]"));
        long support = Long.parseLong(joy.findElements(By.tagName("td")).get(3).getText());
        assertTrue(support >= 1, "joy has a labelled comment: " + joy.getText());
        // the matrix's joy/joy cell counts it; both charts are drawn
        WebElement diagonal = browser.driver.findElements(By.cssSelector("#confusion tbody tr")).get(3)
                .findElements(By.tagName("td")).get(3);
        assertTrue(Long.parseLong(diagonal.getText()) >= 1, diagonal.getText());
        assertEquals(Boolean.TRUE, browser.js("return !!Chart.getChart('dist-chart') && !!Chart.getChart('volume-chart');"));
        browser.driver.findElement(By.cssSelector("#pictures summary")).click();
        assertTrue(browser.pictureLoaded(By.id("png-confusion")) > 0);
        browser.readmeShot("statistics");

        // the user's own list shows the annotator's verdict, still as text
        browser.open("/comments");
        browser.text(By.cssSelector("#mine .verdict-check"), "An annotator agreed");
        browser.text(By.cssSelector("#mine .verdict-check"), "clearly happy <img src=x");
        assertSafe("#mine");
    }

    @Test
    @Order(4)
    void aUserOpeningTheLabelPageSeesWhyAndNoLabelling() {
        browser.signIn(userKey, "/label");
        browser.text(By.id("no-role"), "Labelling is for annotators");
        assertFalse(browser.driver.findElement(By.id("label-ui")).isDisplayed());
        assertTrue(browser.all(By.cssSelector("#rows tr")).isEmpty(), "no comment is listed for labelling");
        List<String> violations = browser.consoleMessages().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).toList();
        assertTrue(violations.isEmpty(), "no script error or policy violation: " + violations);
    }

    /** Waits for the statistics card and reads its number. */
    private static long statValue(String id) {
        WebElement value = browser.visible(By.cssSelector("#stat-" + id + " .stat"));
        return Long.parseLong(value.getAttribute("data-value"));
    }

    private static void assertSafe(String container) {
        assertFalse(browser.scriptRan(), "a comment's text never runs as script");
        assertTrue(browser.all(By.cssSelector(container + " img, " + container + " script")).isEmpty(),
                "nor becomes markup");
    }
}
