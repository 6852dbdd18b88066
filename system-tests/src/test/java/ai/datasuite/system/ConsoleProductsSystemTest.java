package ai.datasuite.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The Products page (seed 004) in a browser: a slice of the retail demo catalog imported through the page's file
 * input with progress to the end, the data dictionary with an edited description that survives a reload,
 * few-shot categorizing with progress, the counts chart and table, similar products, the product map (hovering a
 * dot names its product, clicking it lists its neighbours) and the word map. A product title, the catalog's name and
 * the description carry a script that must stay text.
 */
@ExtendWith(ConsoleExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleProductsSystemTest {

    static final String XSS = ConsoleSignInSystemTest.XSS;
    /** Every 24th of the 2,465 products (103): every large category stays in and the jobs stay short. */
    static final int EVERY = 24;
    static final String FIRST_TITLE = "Adventure-Ready Expedition Backpack";
    /** Import and categorize jobs may take a while on a busy machine. */
    static final Duration JOB = Duration.ofSeconds(Integer.getInteger("console.product-seconds", 240));
    /** The most isolated dot of a scatter chart: its CSS pixel position, its name, the canvas's size. */
    static final String LONELY_POINT = """
            const canvas = arguments[0], c = Chart.getChart(canvas), pts = [];
            c.data.datasets.forEach((d, di) => c.getDatasetMeta(di).data.forEach((e, i) =>
              pts.push({ x: e.x, y: e.y, name: d.data[i].title || d.data[i].word })));
            let best = null;
            for (const p of pts) {
              let near = Infinity;
              for (const q of pts) if (q !== p) near = Math.min(near, Math.hypot(p.x - q.x, p.y - q.y));
              if (!best || near > best.near) best = { ...p, near };
            }
            return [best.x, best.y, best.name, canvas.clientWidth, canvas.clientHeight];""";

    static Browser browser;
    static String key;
    static Path slice;
    static int rows;
    static final String NAME = "Retail demo " + ConsoleSuite.RUN;
    /** The uploaded file's name, shown with the catalog, carries a script too (a file name holds no slash). */
    static final String FILE = "retail <img src=x onerror=window.__xss=true>.csv";

    @BeforeAll
    static void start(Browser b, ConsoleSuite s) throws Exception {
        browser = b;
        key = s.key("pia", "user");
        List<String> lines = Files.readAllLines(Path.of("..", "datasets", "retail-demo-store-products",
                "products.csv"));
        StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i += EVERY) {
            String line = lines.get(i); // no field of this file holds a newline (its README)
            if (i == 1) {
                // The first product's title carries the script, quoted as CSV quotes it.
                line = line.replace("," + FIRST_TITLE + ",",
                        ",\"" + FIRST_TITLE + " " + XSS.replace("\"", "\"\"") + "\",");
            }
            csv.append(line).append('\n');
            rows++;
        }
        assertTrue(csv.toString().contains(FIRST_TITLE + " <img"), "the planted title is in the slice");
        slice = Files.createTempDirectory("console-products").resolve(FILE);
        Files.writeString(slice, csv, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void clean() throws Exception {
        if (slice != null) {
            Files.deleteIfExists(slice);
            Files.deleteIfExists(slice.getParent());
        }
    }

    @Test
    @Order(1)
    void aCatalogImportedThroughThePageShowsProgressThenTheCatalog() {
        browser.signIn(key, "/products");
        browser.text(By.id("catalogs"), "No catalogs yet");
        browser.chooseFile(By.id("import-file"), slice);
        browser.driver.findElement(By.id("import-name")).sendKeys(NAME);
        browser.driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        browser.visible(By.cssSelector("#import-status .progress"));
        browser.waitUntil(JOB, d -> browser.all(By.cssSelector("#import-status .alert.ok")).size() == 1
                || browser.all(By.cssSelector("#import-error:not([hidden])")).size() == 1);
        assertTrue(browser.driver.findElement(By.id("import-error")).getAttribute("hidden") != null,
                () -> browser.driver.findElement(By.id("import-error")).getText());
        browser.text(By.cssSelector("#import-status .alert.ok"), rows + " products indexed");

        assertEquals(NAME, browser.text(By.id("catalog-title"), NAME).getText());
        browser.text(By.id("catalog-source"), FILE);
        browser.text(By.id("catalog-stats"), rows + "\nproducts");
        browser.text(By.id("catalog-table"), NAME);
        assertTrue(browser.driver.getCurrentUrl().contains("?catalog="), "the catalog is in the address");
        assertFalse(browser.scriptRan(), "the file's name never runs as script");
        assertTrue(browser.all(By.cssSelector("#catalog img, #catalogs img, #catalog script")).isEmpty());
    }

    @Test
    @Order(2)
    void theDictionaryListsTheColumnsAndKeepsAnEditedDescriptionAcrossAReload() {
        WebElement title = browser.visible(By.cssSelector("#dictionary-table tr[data-column=title]"));
        for (String column : List.of("description", "category", "price")) {
            assertEquals(1, browser.all(By.cssSelector("#dictionary-table tr[data-column=" + column + "]")).size(),
                    column);
        }
        assertTrue(title.getText().contains("VARCHAR"), title.getText());
        title.findElement(By.cssSelector("button.edit")).click();
        WebElement area = browser.visible(By.cssSelector("#dictionary-table tr[data-column=title] textarea"));
        area.clear();
        String words = "What the shopper sees first " + ConsoleSuite.RUN + " " + XSS;
        area.sendKeys(words);
        browser.driver.findElement(By.cssSelector("#dictionary-table tr[data-column=title] button[type=submit]"))
                .click();
        browser.text(By.cssSelector("#dictionary-table tr[data-column=title] .description"), words);

        browser.driver.navigate().refresh();
        browser.text(By.cssSelector("#dictionary-table tr[data-column=title] .description"), words);
        assertFalse(browser.scriptRan(), "a description never runs as script");
        assertTrue(browser.all(By.cssSelector("#dictionary img, #dictionary script")).isEmpty(), "nor becomes markup");
    }

    @Test
    @Order(3)
    void fewShotCategorizingShowsProgressAndTheCountsAddUpToTheCatalog() {
        tab("categories");
        // Before categorizing, the counts are those of the file's own categories.
        browser.text(By.id("counts-total"), String.valueOf(rows));
        assertEquals("true", new Select(browser.driver.findElement(By.id("counts-source"))).getFirstSelectedOption()
                .getAttribute("value"));
        new Select(browser.visible(By.id("categorize-mode"))).selectByValue("few-shot");
        browser.driver.findElement(By.cssSelector("#categorize-form button[type=submit]")).click();
        browser.visible(By.cssSelector("#categorize-status .progress"));
        browser.waitUntil(JOB, d -> browser.all(By.cssSelector("#categorize-status .alert.ok")).size() == 1
                || browser.all(By.cssSelector("#categorize-error:not([hidden])")).size() == 1);
        browser.text(By.cssSelector("#categorize-status .alert.ok"), rows + " products categorized");

        browser.waitUntil(d -> browser.js("return document.getElementById('counts-sql').textContent")
                .toString().contains("predicted_category"));
        browser.text(By.id("counts-total"), String.valueOf(rows));
        List<WebElement> counts = browser.all(By.cssSelector("#counts tbody td:nth-child(2)"));
        int sum = counts.stream().mapToInt(td -> Integer.parseInt(td.getText())).sum();
        assertEquals(rows, sum, "the table's counts add up to the catalog");
        assertTrue(counts.size() >= 10, "most categories are predicted: " + counts.size());
        Object bars = browser.js("const c = Chart.getChart(document.getElementById('counts-chart'));"
                + " return c ? c.data.datasets[0].data.reduce((a, b) => a + b, 0) : -1;");
        assertEquals(rows, ((Number) bars).intValue(), "the chart draws the same counts");
        browser.text(By.id("catalog-stats"), rows + "\ncategorized");
    }

    @Test
    @Order(4)
    void aProductListsItsSimilarProducts() {
        tab("products");
        WebElement first = browser.waitUntil(d -> browser.all(By.cssSelector("#product-table tbody tr")).stream()
                .filter(tr -> tr.getText().startsWith(FIRST_TITLE + " <img src=x")).findFirst().orElse(null));
        assertEquals(20, browser.all(By.cssSelector("#product-table tbody tr")).size(), "a page of 20");
        browser.text(By.id("products-range"), "1–20 of " + rows);
        first.findElement(By.cssSelector("button.similar-button")).click();
        browser.text(By.id("similar-title"), FIRST_TITLE + " <img src=x");
        browser.waitUntil(d -> browser.all(By.cssSelector("#similar-list li[data-id]")).size() == 10);
        List<String> similar = browser.all(By.cssSelector("#similar-list li .title")).stream()
                .map(WebElement::getText).toList();
        assertTrue(similar.stream().anyMatch(t -> t.contains("Backpack")), "a backpack is like a backpack: "
                + similar);
        assertFalse(browser.scriptRan(), "a product's title never runs as script");
        assertTrue(browser.all(By.cssSelector("#catalog img, #catalog script")).isEmpty(), "nor becomes markup");
    }

    @Test
    @Order(5)
    void theProductMapNamesTheProductUnderThePointerAndClickingListsItsNeighbours() throws Exception {
        tab("projection");
        WebElement canvas = browser.visible(By.id("projection-chart"));
        browser.waitUntil(JOB, d -> browser.js("const c = Chart.getChart(arguments[0]); return c ? "
                + "c.data.datasets.reduce((a, s) => a + s.data.length, 0) : 0;", canvas) instanceof Number n
                && n.intValue() == rows);
        Number legend = (Number) browser.js("return Chart.getChart(arguments[0]).legend.legendItems.length;", canvas);
        assertTrue(legend.intValue() >= 10, "a colour per predicted category: " + legend);

        List<?> point = hover(canvas);
        String product = (String) point.get(2);
        browser.text(By.id("projection-hover"), product);
        Object tooltip = browser.js("const t = Chart.getChart(arguments[0]).tooltip;"
                + " return t.getActiveElements().length ? t.title.join(' ') : null;", canvas);
        assertEquals(product, tooltip, "Chart.js's tooltip names the product");
        new Actions(browser.driver).click().perform();
        browser.text(By.id("similar-title"), product);
        browser.waitUntil(d -> browser.all(By.cssSelector("#similar-list li[data-id]")).size() == 10);
        browser.readmeShot("products");
    }

    @Test
    @Order(6)
    void theWordMapNamesTheWordUnderThePointer() throws Exception {
        tab("words");
        WebElement canvas = browser.visible(By.id("words-chart"));
        browser.waitUntil(JOB, d -> browser.js("const c = Chart.getChart(arguments[0]); return c ?"
                + " c.data.datasets[0].data.length : 0;", canvas) instanceof Number n && n.intValue() >= 20);
        List<?> point = hover(canvas);
        browser.text(By.id("words-hover"), point.get(2) + " · used ");

        browser.size(390, 844);
        try {
            browser.waitUntil(d -> ((Number) browser.js("return document.getElementById('words-chart').clientWidth"))
                    .intValue() < 390);
            Number overflow = (Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow.intValue() <= 0, () -> "nothing is wider than a phone: " + browser.js(
                    "return [...document.querySelectorAll('main *')].filter(e => e.offsetParent"
                    + " && e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8)"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className).join(' ')"));
        } finally {
            browser.size(1280, 900);
        }

        List<String> violations = browser.consoleMessages().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).toList();
        assertTrue(violations.isEmpty(), "no script error or policy violation: " + violations);
        assertFalse(browser.scriptRan());
    }

    /** Opens a tab of the catalog (scrolled clear of the sticky header first). */
    private static void tab(String name) {
        WebElement tab = browser.visible(By.id("tab-" + name));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", tab);
        tab.click();
    }

    /** Moves the pointer onto the chart's most isolated dot; returns {x, y, name, width, height}. */
    private static List<?> hover(WebElement canvas) {
        browser.js("arguments[0].scrollIntoView({block: 'center'})", canvas);
        List<?> point = (List<?>) browser.js(LONELY_POINT, canvas);
        double x = ((Number) point.get(0)).doubleValue() - ((Number) point.get(3)).doubleValue() / 2;
        double y = ((Number) point.get(1)).doubleValue() - ((Number) point.get(4)).doubleValue() / 2;
        new Actions(browser.driver).moveToElement(canvas, (int) Math.round(x), (int) Math.round(y)).perform();
        return point;
    }
}
