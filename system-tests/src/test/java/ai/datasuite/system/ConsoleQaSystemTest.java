package ai.datasuite.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
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
 * The Q&A search page (seed 003) in a browser: a CSV with an empty field is refused row by row, a SQuAD slice is
 * uploaded (its name with a script in it stays text), its EDA pictures and charts load, a BM25 model is fitted from
 * the form the API describes, unloaded and loaded again, a question finds its own context first, and the quality
 * test and the benchmark show their numbers and the latency histogram.
 */
@ExtendWith(ConsoleExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleQaSystemTest {

    static final String XSS = ConsoleSignInSystemTest.XSS;
    /** A question of the slice that BM25 answers with its own context first by a wide margin. */
    static final String QUESTION = "What was the average cost for a 30 second commercial during Super Bowl 50?";
    static final String ANSWER = "$5 million";

    static Browser browser;
    static ConsoleSuite suite;
    static String key;
    static Path dir;
    static Path slice;
    static String questionContext;
    static final String PLANTED = "SQuAD slice " + ConsoleSuite.RUN + " " + XSS;
    static final String DATASET = "SQuAD sample " + ConsoleSuite.RUN;
    static final String MODEL = "qa-" + ConsoleSuite.RUN + "-bm25";

    @BeforeAll
    static void start(Browser b, ConsoleSuite s) throws Exception {
        browser = b;
        suite = s;
        key = s.key("quinn", "user");
        dir = Files.createTempDirectory("console-qa");
        slice = dir.resolve("squad-slice.csv");
        questionContext = writeSlice(slice);
    }

    @AfterAll
    static void removeModel() throws Exception {
        if (suite != null) {
            suite.http.send(suite.http.withKey(key, suite.url + "/api/v1/models/remove/" + MODEL).DELETE());
        }
    }

    @Test
    @Order(1)
    void aCsvWithAnEmptyFieldIsRefusedRowByRow() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "context,question,answer\n\"A paragraph.\",\"A question?\",\"An answer\"\n"
                + "\"Another paragraph.\",,\"Another answer\"\n");
        browser.signIn(key, "/qa");
        browser.text(By.id("datasets"), "No datasets yet");
        browser.chooseFile(By.id("csv-file"), bad);
        browser.driver.findElement(By.id("upload-button")).click();
        WebElement error = browser.text(By.id("upload-error"), "row 2, line 3, question: is empty");
        assertTrue(error.getText().contains("1 problem"), error.getText());
        assertTrue(browser.driver.findElement(By.id("datasets")).getText().contains("No datasets yet"));
    }

    @Test
    @Order(2)
    void aSquadSliceIsUploadedAndItsNameStaysText() {
        browser.signIn(key, "/qa");
        browser.chooseFile(By.id("csv-file"), slice);
        WebElement name = browser.visible(By.id("dataset-name"));
        name.clear();
        name.sendKeys(PLANTED);
        browser.driver.findElement(By.id("upload-button")).click();
        // The slice keeps SQuAD's other columns: the page says how to go on.
        browser.text(By.id("upload-error"), "Ignore other columns");
        browser.driver.findElement(By.id("extra-columns")).click();
        browser.driver.findElement(By.id("upload-button")).click();
        browser.text(By.id("upload-done"), "300 questions, 81 distinct contexts");
        WebElement row = browser.text(By.id("datasets-table"), PLANTED);
        assertTrue(row.getText().contains("chosen"), row.getText());
        assertFalse(browser.scriptRan(), "a dataset name never runs as script");
        assertTrue(browser.all(By.cssSelector("#datasets img, #datasets script")).isEmpty(), "nor becomes markup");

        // The same rows under a plain name: the newest upload is the one chosen for the next steps.
        browser.chooseFile(By.id("csv-file"), slice);
        name.clear();
        name.sendKeys(DATASET);
        browser.driver.findElement(By.id("extra-columns")).click();
        browser.driver.findElement(By.id("upload-button")).click();
        browser.text(By.id("upload-done"), DATASET + " is ready");
        browser.waitUntil(d -> browser.all(By.cssSelector("#datasets-table li")).size() == 2);
        assertTrue(browser.driver.findElement(By.cssSelector("#datasets-table li")).getText().startsWith(DATASET));
    }

    @Test
    @Order(3)
    void theEdaPicturesLoadAndTheChartsDraw() throws Exception {
        browser.signIn(key, "/qa");
        browser.visible(By.cssSelector("#datasets-table button")).click(); // Explore
        browser.text(By.id("explore-title"), DATASET);
        assertTrue(browser.pictureLoaded(By.id("eda-wordcloud")) > 100);
        assertTrue(browser.pictureLoaded(By.id("eda-lengths")) > 100);
        assertTrue(browser.pictureLoaded(By.id("eda-tsne")) > 100);
        browser.text(By.id("lengths-stats"), "Questions: 300 texts");
        new Select(browser.driver.findElement(By.id("lengths-field"))).selectByValue("context");
        browser.text(By.id("lengths-stats"), "Contexts: 81 texts");
        assertEquals(81L, browser.js("return Chart.getChart(document.getElementById('tsne-chart'))"
                + ".data.datasets[0].data.length"));
        assertTrue(((Number) browser.js("return Chart.getChart(document.getElementById('top-chart'))"
                + ".data.labels.length")).intValue() > 10);
        assertFalse(browser.scriptRan());
        browser.readmeShot("qa");
    }

    @Test
    @Order(4)
    void aBm25ModelIsFittedFromTheFormTheApiDescribes() {
        browser.signIn(key, "/qa#model");
        // Every type and parameter comes from the API: bm25's k1 is a number from 0 to 10.
        WebElement k1 = browser.visible(By.id("param-k1"));
        assertEquals("10", k1.getAttribute("max"));
        List<String> types = new Select(browser.driver.findElement(By.id("fit-type"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).toList();
        assertTrue(types.containsAll(List.of("tfidf", "bm25", "embedding", "hybrid")), types.toString());
        browser.waitUntil(d -> String.valueOf(browser.js(
                "return document.getElementById('fit-dataset').selectedOptions[0]?.textContent")).contains(ConsoleSuite.RUN));
        browser.driver.findElement(By.id("fit-id")).sendKeys(MODEL);
        k1.sendKeys("11");
        browser.driver.findElement(By.id("fit-button")).click();
        browser.text(By.id("fit-error"), "Parameter 'k1' of model_type bm25 must be a number from 0.0 to 10.0");
        k1.clear();
        k1.sendKeys("1.5");
        browser.driver.findElement(By.id("fit-button")).click();
        browser.text(By.id("fit-done"), MODEL + " is fitted and loaded: 81 contexts");
        By row = By.cssSelector("#models-table tr[data-id='" + MODEL + "']");
        String applied = browser.text(row, "loaded · ").getAttribute("textContent");
        assertTrue(applied.contains("\"k1\": 1.5") && applied.contains("\"b\": 0.75"), applied);

        browser.driver.findElement(By.cssSelector("#models-table tr[data-id='" + MODEL + "'] button")).click();
        browser.text(By.id("models-note"), MODEL + " unloaded");
        browser.text(row, "not loaded");
        browser.driver.findElement(By.cssSelector("#models-table tr[data-id='" + MODEL + "'] button")).click();
        browser.text(By.id("models-note"), MODEL + " loaded in");
        browser.text(row, "loaded · ");
    }

    @Test
    @Order(5)
    void aQuestionFindsItsOwnContextFirstWithTheAnswerMarked() {
        browser.signIn(key, "/qa#search");
        // The select is filled again as the lists load: read its value in the page, not through an option.
        browser.waitUntil(d -> MODEL.equals(browser.js("return document.getElementById('search-model').value")));
        browser.driver.findElement(By.id("search-question")).sendKeys(QUESTION);
        browser.driver.findElement(By.id("search-answer")).sendKeys(ANSWER);
        browser.driver.findElement(By.id("search-button")).click();
        browser.text(By.id("search-summary"), "the answer is in context 1.");
        WebElement first = browser.driver.findElement(By.cssSelector("#search-results li"));
        assertTrue(first.getText().contains("contains the answer"), first.getText());
        assertEquals(ANSWER, first.findElement(By.tagName("mark")).getText());
        assertTrue(first.findElement(By.className("qa-context")).getText()
                .startsWith(questionContext.substring(0, 80)), first.getText());
        assertEquals(5, browser.all(By.cssSelector("#search-results li")).size());
    }

    @Test
    @Order(6)
    void theQualityTestAndTheBenchmarkShowTheirNumbers() {
        browser.signIn(key, "/qa#measure");
        // The select is filled again as the lists load: read its value in the page, not through an option.
        browser.waitUntil(d -> MODEL.equals(browser.js("return document.getElementById('measure-model').value")));
        browser.driver.findElement(By.id("quality-button")).click();
        WebElement table = browser.text(By.id("quality-table"), "Recall@10");
        browser.text(By.id("quality-result"), "300 questions");
        double accuracy = Double.parseDouble(table.findElement(By.cssSelector("tbody tr td.num")).getText());
        assertTrue(accuracy > 0.5 && accuracy <= 1, "BM25 finds most contexts of its own dataset: " + accuracy);

        WebElement trips = browser.driver.findElement(By.id("bench-trips"));
        trips.clear();
        trips.sendKeys("20");
        browser.driver.findElement(By.id("bench-button")).click();
        browser.text(By.id("bench-trips-summary"), "20 searches through the gateway");
        Number counted = (Number) browser.js("return Chart.getChart(document.getElementById('bench-histogram'))"
                + ".data.datasets[0].data.reduce((a, b) => a + b, 0)");
        assertEquals(20, counted.intValue(), "every round trip is in the histogram");
        assertTrue(browser.driver.findElement(By.id("bench-result")).getText().contains("Median search"));
    }

    @Test
    @Order(7)
    void onAPhoneThePageFitsAndNothingBreaksThePolicy() {
        browser.size(390, 844);
        try {
            browser.signIn(key, "/qa#dataset");
            browser.text(By.id("datasets-table"), ConsoleSuite.RUN);
            Number overflow = (Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow.intValue() <= 1, "no sideways scrolling on a phone: " + overflow);
        } finally {
            browser.size(1280, 900);
        }
        List<String> violations = browser.consoleMessages().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).toList();
        assertTrue(violations.isEmpty(), "no script error or policy violation: " + violations);
    }

    /**
     * Every third row of SQuAD part 1's first 900 (300 rows, 81 contexts), with all its columns; answers the context
     * of {@link #QUESTION}.
     */
    static String writeSlice(Path target) throws IOException {
        Path part = Path.of("..", "datasets", "squad-v1.1-dev", "squad_v1.1_dev_qa_part1.csv");
        CSVFormat read = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        String context = null;
        List<CSVRecord> kept = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(part, StandardCharsets.UTF_8); CSVParser parser = read.parse(in);
             CSVPrinter out = new CSVPrinter(new OutputStreamWriter(Files.newOutputStream(target),
                     StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            out.printRecord(parser.getHeaderNames());
            int i = 0;
            for (CSVRecord record : parser) {
                if (i >= 900) {
                    break;
                }
                if (i++ % 3 == 0) {
                    kept.add(record);
                    out.printRecord(record.values());
                    if (record.get("question").equals(QUESTION)) {
                        context = record.get("context").trim();
                    }
                }
            }
        }
        assertEquals(300, kept.size());
        assertTrue(context != null, "the question is in the slice");
        return context;
    }
}
