package ai.datasuite.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The console's My files and Chat pages: a file dropped on the page (its name and text carrying a script) is
 * uploaded, indexed and listed as text, a PDF chosen with the file input too; its extracted text is previewed; chat
 * answers about it as the answer streams in, with a numbered source that opens the cited passage; the conversation is
 * listed, reopens, is rated; another user sees none of it; the file is deleted.
 */
@ExtendWith(ConsoleExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleChatSystemTest {

    static final String XSS = ConsoleSignInSystemTest.XSS;
    /** A word only this run's file holds, so retrieval finds it on a shared suite too. */
    static final String WORD = "zephyr" + ConsoleSuite.RUN.replaceAll("[^a-z0-9]", "");
    static final String NAME = "greenhouse " + ConsoleSuite.RUN + " " + XSS + ".txt";
    static final String TEXT = "Greenhouse notes " + XSS + "\n\nThe greenhouse pass phrase is " + WORD + ".\n";
    static final String QUESTION = "What is the greenhouse pass phrase?";
    static final Path PDF = Path.of("..", "datasets", "sample-files", "testPDF.pdf").toAbsolutePath().normalize();

    static Browser browser;
    static ConsoleSuite suite;
    static String userKey;
    static String otherKey;

    @BeforeAll
    static void start(Browser b, ConsoleSuite s) throws Exception {
        browser = b;
        suite = s;
        userKey = s.key("fiona", "user");
        otherKey = s.key("gus", "user");
    }

    @Test
    @Order(1)
    void aFileDroppedOnThePageIsUploadedIndexedAndListedWithItsNameAsText() {
        browser.signIn(userKey, "/files");
        browser.text(By.id("list"), "No files yet");
        drop(NAME, TEXT, "text/plain");
        browser.text(By.id("uploads"), "Ready: 1 chunks");
        String row = readyRow("greenhouse " + ConsoleSuite.RUN);
        assertTrue(row.contains("<script>window.__xss=true</script>.txt"), row);
        assertTrue(row.contains("<img src=x onerror="), "the name shows literally: " + row);
        assertTrue(browser.all(By.cssSelector("#list img, #list script, #uploads img, #uploads script")).isEmpty());
        assertFalse(browser.scriptRan(), "a file's name never runs as script");
    }

    @Test
    @Order(2)
    void aChosenFileIsUploadedTooItsTextIsPreviewedAndARefusedFileSaysWhy() {
        browser.signIn(userKey, "/files");
        readyRow("greenhouse " + ConsoleSuite.RUN);
        browser.chooseFile(By.id("file-input"), PDF);
        String pdf = readyRow("testPDF.pdf");
        assertTrue(pdf.contains("document"), "a PDF goes in as a document: " + pdf);
        assertEquals(2, browser.all(By.cssSelector("#list tbody tr")).size());

        clickInRow("testPDF.pdf", By.xpath(".//button[text()='Preview']"));
        browser.text(By.id("preview-text"), "Apache Tika is a toolkit");
        browser.text(By.id("preview-title"), "testPDF.pdf");

        clickInRow("greenhouse " + ConsoleSuite.RUN, By.xpath(".//button[text()='Preview']"));
        browser.text(By.id("preview-text"), "The greenhouse pass phrase is " + WORD);
        assertTrue(browser.driver.findElement(By.id("preview-text")).getText().contains(XSS), "the text shows literally");
        assertTrue(browser.driver.findElement(By.id("preview-facts")).getText().contains("characters of text"));
        assertFalse(browser.scriptRan(), "a file's text never runs as script");

        // A file ingest refuses: its words, in the upload's line.
        drop("spinner.gif", "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;", "image/gif");
        browser.text(By.cssSelector("#uploads .alert.error"), "image/gif are not supported");
        browser.text(By.cssSelector("#uploads li"), "failed");
        assertEquals(2, browser.all(By.cssSelector("#list tbody tr")).size(), "nothing was added");
    }

    @Test
    @Order(3)
    void chatStreamsTheAnswerWithASourceThatOpensTheCitedPassage() throws Exception {
        browser.signIn(userKey, "/chat");
        browser.visible(By.id("question"));
        browser.text(By.id("conversations"), "No conversations yet");
        // Counts the pieces of text added to the answer while it is still coming: a stream gives many.
        browser.js("window.__pieces = 0; new MutationObserver(ms => ms.forEach(m => {"
                + " if (m.target.closest && m.target.closest('.chat-a[aria-busy=\"true\"] .chat-text')) window.__pieces++; }))"
                + ".observe(document.getElementById('thread'), {childList: true, subtree: true});");
        browser.driver.findElement(By.id("question")).sendKeys(QUESTION);
        browser.driver.findElement(By.id("ask")).click();
        WebElement answer = browser.visible(By.cssSelector(".chat-a .chat-sources"));
        WebElement text = browser.driver.findElement(By.cssSelector(".chat-a .chat-text"));
        assertTrue(text.getText().contains(WORD), "the answer holds the fact: " + text.getText());
        long pieces = ((Number) browser.js("return window.__pieces;")).longValue();
        assertTrue(pieces > 3, "the answer came in pieces, not at once: " + pieces);
        browser.text(By.cssSelector(".chat-a .chat-meta"), "Quoted from the sources");
        assertTrue(browser.driver.findElement(By.cssSelector(".chat-a .chat-note")).getText().contains("No LLM"),
                "an extractive answer says why");

        List<WebElement> sources = answer.findElements(By.cssSelector("button.chat-cite"));
        assertFalse(sources.isEmpty());
        WebElement cited = null;
        for (WebElement source : sources) {
            source.click();
            browser.visible(By.id("source"));
            boolean found = browser.driver.findElement(By.id("source-text")).getText().contains(WORD);
            if (found) {
                cited = source;
                break;
            }
            browser.driver.findElement(By.id("source-close")).click();
        }
        assertTrue(cited != null, "one source opens the passage with the fact");
        browser.text(By.id("source-title"), "<script>window.__xss=true</script>.txt");
        assertTrue(browser.driver.findElement(By.id("source-text")).getText().contains(XSS), "the passage is text");
        assertTrue(browser.all(By.cssSelector("#thread img, #thread script, #source img, #source script")).isEmpty());
        assertFalse(browser.scriptRan(), "neither the answer nor the passage runs as script");

        // The passage leads to the whole file on My files.
        browser.driver.findElement(By.cssSelector("#source-link a")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/files?preview="));
        browser.text(By.id("preview-text"), "The greenhouse pass phrase is " + WORD);
        browser.readmeShot("files");
    }

    @Test
    @Order(4)
    void theConversationIsListedReopensGoesOnAndKeepsItsRating() throws Exception {
        browser.signIn(userKey, "/chat");
        WebElement item = browser.text(By.id("conversations"), QUESTION);
        item.findElement(By.cssSelector("button.chat-conversation")).click();
        browser.text(By.id("thread-title"), QUESTION);
        browser.text(By.cssSelector(".chat-q"), QUESTION);
        browser.text(By.cssSelector(".chat-a .chat-text"), WORD);
        assertFalse(browser.all(By.cssSelector(".chat-a button.chat-cite")).isEmpty(), "the sources are kept");

        // A second question goes on in the same conversation.
        browser.driver.findElement(By.id("question")).sendKeys("What is Apache Tika?");
        browser.driver.findElement(By.id("ask")).click();
        browser.waitUntil(d -> d.findElements(By.cssSelector(".chat-a .chat-sources")).size() == 2);
        String second = browser.all(By.cssSelector(".chat-a .chat-text")).get(1).getText();
        assertTrue(second.contains("Tika"), second);
        browser.text(By.cssSelector(".chat-a:last-child .chat-sources"), "testPDF.pdf");
        assertEquals(1, browser.all(By.cssSelector("#conversations .chat-conversation")).size(), "one conversation");
        browser.readmeShot("chat");

        browser.driver.findElement(By.cssSelector(".chat-a .chat-rate[data-rating='1']")).click();
        browser.waitUntil(d -> "true".equals(d.findElement(By.cssSelector(".chat-a .chat-rate[data-rating='1']"))
                .getAttribute("aria-pressed")));

        browser.driver.navigate().refresh(); // the open conversation is in the address (?c=), the rating stored
        browser.text(By.cssSelector(".chat-a .chat-text"), WORD);
        assertEquals(2, browser.all(By.cssSelector(".chat-a")).size(), "both answers are kept");
        browser.waitUntil(d -> "true".equals(d.findElement(By.cssSelector(".chat-a .chat-rate[data-rating='1']"))
                .getAttribute("aria-pressed")));
        assertFalse(browser.scriptRan());
    }

    @Test
    @Order(5)
    void noOtherUserNorAnAdminsPagesListItAndDeletingRemovesIt() {
        browser.signIn(otherKey, "/files");
        browser.text(By.id("list"), "No files yet");
        browser.open("/chat");
        browser.text(By.id("conversations"), "No conversations yet");
        // An admin's pages are theirs too: their own files and conversations, not everyone's.
        browser.signIn(suite.adminKey, "/chat");
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#conversations li")).isEmpty());
        assertFalse(browser.driver.findElement(By.id("conversations")).getText().contains(QUESTION));
        browser.open("/files");
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#list > *")).isEmpty());
        assertFalse(browser.driver.findElement(By.id("list")).getText().contains("greenhouse " + ConsoleSuite.RUN));

        browser.signIn(userKey, "/files");
        clickInRow("greenhouse " + ConsoleSuite.RUN, By.cssSelector("button.danger"));
        browser.driver.switchTo().alert().accept();
        browser.waitUntil(d -> !d.findElement(By.id("list")).getText().contains("greenhouse " + ConsoleSuite.RUN));
        assertEquals(1, browser.all(By.cssSelector("#list tbody tr")).size(), "the PDF stays");

        browser.open("/chat");
        browser.text(By.id("conversations"), QUESTION).findElement(By.cssSelector("button.chat-conversation")).click();
        browser.visible(By.id("delete-chat")).click();
        browser.driver.switchTo().alert().accept();
        browser.text(By.id("conversations"), "No conversations yet");
    }

    @Test
    @Order(6)
    void onAPhoneBothPagesWorkAndNothingBreaksThePolicy() {
        browser.size(390, 844);
        try {
            browser.signIn(userKey, "/chat");
            assertTrue(browser.visible(By.id("question")).isDisplayed());
            assertTrue(browser.visible(By.id("ask")).isDisplayed());
            browser.text(By.id("conversations"), "No conversations yet");
            assertFitsTheScreen();
            browser.open("/files");
            assertTrue(browser.visible(By.id("choose")).isDisplayed());
            readyRow("testPDF.pdf");
            assertFitsTheScreen();
        } finally {
            browser.size(1280, 900);
        }
        List<String> violations = browser.consoleMessages().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).toList();
        assertTrue(violations.isEmpty(), "no script error or policy violation: " + violations);
    }

    /** Drops a file on the drop zone as the browser delivers a person's drop: a DataTransfer holding it. */
    private static void drop(String name, String content, String type) {
        browser.js("const dt = new DataTransfer();"
                + "dt.items.add(new File([arguments[1]], arguments[0], {type: arguments[2]}));"
                + "const zone = document.getElementById('drop');"
                + "for (const t of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent("
                + "  new DragEvent(t, {dataTransfer: dt, bubbles: true, cancelable: true}));", name, content, type);
    }

    /** Nothing is wider than the screen: a phone never scrolls sideways (else the message names what sticks out). */
    private static void assertFitsTheScreen() {
        Number overflow = (Number) browser.js("return document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth;");
        Object wide = browser.js("const w = document.documentElement.clientWidth; return [...document.querySelectorAll("
                + "'main *')].filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 5)"
                + ".map(e => e.tagName + '.' + e.className + '#' + e.id).join(', ');");
        assertTrue(overflow.intValue() <= 0, "the page is wider than the screen by " + overflow + " px: " + wide);
    }

    /** Waits until the file list has a row whose text holds the name part and says ready; returns its text. */
    private static String readyRow(String namePart) {
        return browser.waitUntil(d -> {
            WebElement row = findRow(namePart);
            String text = row == null ? null : textOf(row);
            return text != null && text.contains("ready") ? text : null;
        });
    }

    /** Clicks an element of a file's row, again if the list was drawn anew meanwhile (it is after each change). */
    private static void clickInRow(String namePart, By what) {
        browser.waitUntil(d -> {
            try {
                WebElement row = findRow(namePart);
                if (row == null) {
                    return null;
                }
                row.findElement(what).click();
                return true;
            } catch (StaleElementReferenceException e) {
                return null;
            }
        });
    }

    private static WebElement findRow(String namePart) {
        for (WebElement row : browser.all(By.cssSelector("#list tbody tr"))) {
            String text = textOf(row);
            if (text != null && text.contains(namePart)) {
                return row;
            }
        }
        return null;
    }

    private static String textOf(WebElement element) {
        try {
            return element.getText();
        } catch (StaleElementReferenceException e) {
            return null;
        }
    }
}
