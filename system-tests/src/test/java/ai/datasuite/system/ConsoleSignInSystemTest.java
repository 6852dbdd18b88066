package ai.datasuite.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The console's sign-in, navigation by role, sign-out, the notice board, and what a browser must never allow. */
@ExtendWith(ConsoleExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSignInSystemTest {

    /** Planted in every text a user writes: if it ever became markup, it would set window.__xss. */
    static final String XSS = "<img src=x onerror=\"window.__xss=true\"><script>window.__xss=true</script>";

    static Browser browser;
    static ConsoleSuite suite;
    static String userKey;
    static String annotatorKey;

    @BeforeAll
    static void start(Browser b, ConsoleSuite s) throws Exception {
        browser = b;
        suite = s;
        userKey = s.key("carol", "user");
        annotatorKey = s.key("anna", "annotator");
    }

    @Test
    @Order(1)
    void aWrongKeyIsRefusedInWordsAndNothingIsKept() {
        browser.open("/");
        browser.visible(By.id("api-key")).sendKeys("ads_not_a_real_key_at_all_0000000000000000000000");
        browser.driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        WebElement error = browser.text(By.id("sign-in-error"), "key");
        assertTrue(error.isDisplayed());
        assertTrue(browser.sessionStorage().isEmpty(), "a refused key is not kept");
        assertEquals(suite.url + "/", browser.driver.getCurrentUrl());
    }

    @Test
    @Order(2)
    void aPageAsksForSignInFirstAndReturnsAfterIt() {
        browser.open("/notices");
        browser.waitUntil(d -> d.getCurrentUrl().contains("/?next="));
        browser.visible(By.id("api-key")).sendKeys(userKey);
        browser.driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/notices"));
        browser.text(By.id("who"), ConsoleSuite.user("carol") + " · user");
        assertFalse(browser.driver.getCurrentUrl().contains("ads_"), "the key never goes into a URL");
    }

    @Test
    @Order(3)
    void theNavigationShowsOnlyThePagesOfTheRole() {
        browser.signIn(userKey, "/notices");
        List<String> userPages = visibleNavigation();
        assertTrue(userPages.contains("Chat") && userPages.contains("Products"), userPages.toString());
        assertFalse(userPages.contains("Label"), "a user does not label: " + userPages);
        assertTrue(browser.driver.findElement(By.id("post-card")).getAttribute("hidden") != null,
                "only admins post notices");
        browser.signIn(annotatorKey, "/notices");
        assertTrue(visibleNavigation().contains("Label"));
    }

    @Test
    @Order(4)
    void anAdminPostsANoticeEveryoneReadsItAndItsTextStaysText() throws Exception {
        browser.signIn(suite.adminKey, "/notices");
        browser.visible(By.id("notice-title")).sendKeys("Pool closed " + XSS);
        browser.driver.findElement(By.id("notice-body")).sendKeys("The pool closes on Friday. " + XSS);
        browser.driver.findElement(By.cssSelector("#post-form button[type=submit]")).click();
        browser.text(By.id("feed"), "Pool closed <img src=x");
        browser.readmeShot("notices");
        browser.signIn(userKey, "/notices");
        browser.text(By.id("feed"), "The pool closes on Friday. <img src=x onerror=");
        assertFalse(browser.scriptRan(), "a notice's text never runs as script");
        assertTrue(browser.all(By.cssSelector("#feed img, #feed script")).isEmpty(), "nor becomes markup");
        assertTrue(browser.all(By.cssSelector("#feed button.danger")).isEmpty(), "a user cannot delete");

        browser.signIn(suite.adminKey, "/notices");
        int before = browser.all(By.cssSelector("#feed article")).size();
        browser.text(By.id("feed"), "Pool closed");
        browser.driver.findElement(By.cssSelector("#feed article button.danger")).click();
        browser.driver.switchTo().alert().accept();
        browser.waitUntil(d -> browser.all(By.cssSelector("#feed article")).size() == before - 1
                || browser.all(By.cssSelector("#feed .empty")).size() == 1);
    }

    @Test
    @Order(5)
    void signingOutForgetsTheKey() {
        browser.signIn(userKey, "/notices");
        assertFalse(browser.sessionStorage().isEmpty());
        browser.visible(By.id("sign-out")).click();
        browser.visible(By.id("api-key"));
        assertTrue(browser.sessionStorage().isEmpty(), "sign-out clears the key");
        browser.open("/chat");
        browser.waitUntil(d -> d.getCurrentUrl().contains("/?next="));
    }

    @Test
    @Order(6)
    void onAPhoneTheMenuOpensFromAButtonAndNothingBreaksThePolicy() {
        browser.size(390, 844);
        try {
            browser.signIn(userKey, "/notices");
            WebElement nav = browser.driver.findElement(By.id("nav"));
            assertFalse(nav.isDisplayed(), "the menu is folded on a phone");
            browser.visible(By.cssSelector(".menu-toggle")).click();
            browser.waitUntil(d -> nav.isDisplayed());
        } finally {
            browser.size(1280, 900);
        }
        List<String> violations = browser.consoleMessages().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).toList();
        assertTrue(violations.isEmpty(), "no script error or policy violation: " + violations);
    }

    private static List<String> visibleNavigation() {
        browser.visible(By.id("nav"));
        return browser.all(By.cssSelector("#nav li")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).toList();
    }
}
