package ai.datasuite.inference.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import ai.datasuite.inference.support.CommentsTestProfile;
import ai.datasuite.inference.support.FakeCommentsMetadata;
import ai.datasuite.inference.support.FakeTextClassifier;

@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class CommentStatsTest {

    @BeforeEach
    void seed() {
        FakeCommentsMetadata.reset();
        FakeTextClassifier.reset();
        for (int i = 0; i < 12; i++) {
            FakeCommentsMetadata.seedLabelled("happy " + i, "joy", "joy", 0.9);
        }
        FakeCommentsMetadata.seedLabelled("sad", "sadness", "fear", 0.6);
        FakeCommentsMetadata.seedLabelled("angry", "anger", null, 0.7);
        FakeCommentsMetadata.seed("zed", "pending one");
    }

    @Test
    void statsComeFromMetadataWithTheRangeForwarded() {
        given().queryParam("from", "2020-01-01").queryParam("to", "2100-01-01T00:00:00Z")
                .when().get("/api/v1/comments/stats")
                .then().statusCode(200)
                .body("total", equalTo(15))
                .body("predicted", equalTo(14))
                .body("labelled", equalTo(13))
                .body("pending", equalTo(1))
                .body("per_predicted_label.joy", equalTo(12))
                .body("per_true_label.fear", equalTo(1))
                .body("evaluated", equalTo(13))
                .body("accuracy", equalTo(12f / 13))
                .body("confusion.labels", equalTo(FakeCommentsMetadata.LABELS))
                .body("confusion.matrix[3][3]", equalTo(12))
                .body("confusion.matrix[2][5]", equalTo(1))
                .body("per_label.joy.f1", equalTo(1.0f))
                .body("volume_per_day[0].count", equalTo(15));
        String query = FakeCommentsMetadata.requests("GET", "/api/v1/comments/stats").get(0).path();
        assertTrue(query.contains("from=2020-01-01") && query.contains("to=2100-01-01T00%3A00%3A00Z"), query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=last-week", "to=26/11/2026"})
    void badRangeIs400(String parameter) {
        given().when().get("/api/v1/comments/stats?" + parameter)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("ISO instant"));
        given().when().get("/api/v1/comments/stats/chart?" + parameter)
                .then().statusCode(400).contentType("application/problem+json");
        assertTrue(FakeCommentsMetadata.REQUESTS.isEmpty());
    }

    @Test
    void distributionChartIsAPngOfTheDefaultSize() throws IOException {
        BufferedImage image = png(given().when().get("/api/v1/comments/stats/chart?kind=distribution")
                .then().statusCode(200).contentType("image/png").extract().asByteArray());
        assertEquals(900, image.getWidth());
        assertEquals(600, image.getHeight());
        assertTrue(colours(image) > 20, "a drawn chart, not a blank image");
        // The default kind is the distribution.
        byte[] byDefault = given().when().get("/api/v1/comments/stats/chart")
                .then().statusCode(200).extract().asByteArray();
        assertEquals(900, png(byDefault).getWidth());
    }

    @Test
    void confusionChartIsAHeatMapOfTheRequestedSize() throws IOException {
        BufferedImage image = png(given().queryParam("kind", "confusion").queryParam("width", "640")
                .queryParam("height", "480")
                .when().get("/api/v1/comments/stats/chart")
                .then().statusCode(200).contentType("image/png").extract().asByteArray());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        // The joy/joy cell holds the maximum, drawn in the darkest shade of the scale (#08306B).
        assertTrue(hasPixelNear(image, 0x08, 0x30, 0x6B), "the heat map's darkest shade appears");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kind=pie", "kind=CONFUSION", "width=10", "height=5000", "width=wide"})
    void badChartParametersAre400(String parameter) {
        given().when().get("/api/v1/comments/stats/chart?" + parameter)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:validation"));
    }

    /** The PNG is drawn in memory: its size is bounded by configuration, and the 400 names the key to raise. */
    @ParameterizedTest
    @CsvSource({"width, 1601, inference.comments.chart.max-width", "height, 1201, inference.comments.chart.max-height",
            "width, 4000, inference.comments.chart.max-width"})
    void chartsOverTheConfiguredSizeAre400NamingTheLimit(String name, int value, String key) {
        given().queryParam(name, value).when().get("/api/v1/comments/stats/chart")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("limit", equalTo(key))
                .body("detail", containsString(key));
        assertTrue(FakeCommentsMetadata.REQUESTS.isEmpty(), "refused before the statistics are read");
    }

    @Test
    void chartsAtTheConfiguredLimitAreDrawn() throws IOException {
        BufferedImage image = png(given().queryParam("width", 1600).queryParam("height", 1200)
                .when().get("/api/v1/comments/stats/chart")
                .then().statusCode(200).extract().asByteArray());
        assertEquals(1600, image.getWidth());
        assertEquals(1200, image.getHeight());
    }

    @Test
    void chartOfNoDataStillRenders() throws IOException {
        FakeCommentsMetadata.reset();
        for (String kind : List.of("distribution", "confusion")) {
            BufferedImage image = png(given().queryParam("kind", kind)
                    .when().get("/api/v1/comments/stats/chart")
                    .then().statusCode(200).extract().asByteArray());
            assertEquals(600, image.getHeight());
        }
    }

    private static BufferedImage png(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertTrue(image != null, "decodes as an image");
        return image;
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static boolean hasPixelNear(BufferedImage image, int r, int g, int b) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xFF) - r) < 6 && Math.abs(((rgb >> 8) & 0xFF) - g) < 6
                        && Math.abs((rgb & 0xFF) - b) < 6) {
                    return true;
                }
            }
        }
        return false;
    }
}
