package ai.datasuite.metadata.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import ai.datasuite.identity.Roles;
import ai.datasuite.metadata.TestData;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * The task charts over HTTP. They count every task in the database, so each test compares the counts before and
 * after importing tasks whose file types and tools carry its own prefix.
 */
@QuarkusTest
class TaskChartTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static String row(String id, String fileName, Integer steps, Integer tools, String toolsText) {
        return "{\"task_id\": \"" + id + "\", \"question\": \"q\", \"level\": 1, \"final_answer\": \"1\","
                + " \"file_name\": " + quoted(fileName) + ", \"annotator_metadata\": {\"steps\": \"1. a\","
                + " \"number_of_steps\": " + steps + ", \"tools\": " + quoted(toolsText)
                + ", \"number_of_tools\": " + tools + "}}\n";
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private static long count(JsonPath chart, String list, String key) {
        List<Map<String, Object>> items = chart.getList(list);
        return items.stream().filter(i -> key.equals(i.get("key")))
                .mapToLong(i -> ((Number) i.get("count")).longValue()).sum();
    }

    @Test
    void fileTypesCountLowerCaseExtensionsAndNone() {
        String p = TestData.prefix();
        JsonPath before = given().get("/api/v1/tasks/charts/file-types").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        TestData.importJsonl(row(p + "-1", "a." + p.toUpperCase(), 1, 1, null)
                + row(p + "-2", "dir/b." + p, 1, 1, null)
                + row(p + "-3", null, 1, 1, null)
                + row(p + "-4", "noextension", 1, 1, null));
        JsonPath after = TestIdentity.as(p, Roles.USER).get("/api/v1/tasks/charts/file-types").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(2, count(after, "file_types", p));
        assertEquals(count(before, "file_types", "none") + 2, count(after, "file_types", "none"));
        assertEquals(before.getLong("total_tasks") + 4, after.getLong("total_tasks"));
        List<Long> counts = after.getList("file_types.count", Long.class);
        List<Long> sorted = counts.stream().sorted((a, b) -> Long.compare(b, a)).toList();
        assertEquals(sorted, counts, "most tasks first");
    }

    @Test
    void annotationsCountStepsToolsAndTheToolsNamed() {
        String p = TestData.prefix();
        JsonPath before = given().get("/api/v1/tasks/charts/annotations").then().statusCode(200).extract().jsonPath();
        String tool = p + " browser";
        TestData.importJsonl(row(p + "-1", null, 2, 2, "1. " + p + " Browser.\\n2) " + p + "  calc")
                + row(p + "-2", null, 2, 1, "- " + p + " browser\\n" + p + " browser")
                + row(p + "-3", null, 7, 0, "None")
                + row(p + "-4", null, null, null, null));
        JsonPath after = given().queryParam("format", "json").get("/api/v1/tasks/charts/annotations").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(before.getLong("total_tasks") + 4, after.getLong("total_tasks"));
        assertEquals(count(before, "number_of_steps", "2") + 2, count(after, "number_of_steps", "2"));
        assertEquals(count(before, "number_of_steps", "7") + 1, count(after, "number_of_steps", "7"));
        assertEquals(count(before, "number_of_steps", "unknown") + 1, count(after, "number_of_steps", "unknown"));
        assertEquals(count(before, "number_of_tools", "0") + 1, count(after, "number_of_tools", "0"));
        // A tool counts once per task, whatever its numbering, bullet, case, spacing or final full stop.
        assertEquals(2, count(after, "tools", tool));
        assertEquals(1, count(after, "tools", p + " calc"));
        assertEquals(0, count(after, "tools", "none"));
        assertEquals(before.getInt("distinct_tools") + 2, after.getInt("distinct_tools"));
        List<String> keys = after.getList("number_of_steps.key");
        assertEquals("unknown", keys.get(keys.size() - 1));
    }

    @Test
    void chartsAnswerPngForFormatOrAcceptAndRefuseOtherFormats() throws IOException {
        TestData.importJsonl(TestData.fixture("gaia-sample.jsonl", TestData.prefix()));
        for (String path : List.of("/api/v1/tasks/charts/file-types", "/api/v1/tasks/charts/annotations")) {
            byte[] byFormat = given().queryParam("format", "png").get(path).then().statusCode(200)
                    .contentType("image/png").extract().asByteArray();
            assertArrayEquals(PNG_MAGIC, Arrays.copyOf(byFormat, 8), path);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(byFormat));
            assertEquals(900, image.getWidth(), path);
            assertTrue(image.getHeight() >= 480, path);

            byte[] byAccept = given().accept("image/png").get(path).then().statusCode(200)
                    .contentType("image/png").extract().asByteArray();
            assertArrayEquals(PNG_MAGIC, Arrays.copyOf(byAccept, 8), path);

            given().accept("application/json").get(path).then().statusCode(200).contentType("application/json");
            given().queryParam("format", "svg").get(path).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("format must be json or png, not 'svg'"));
        }
        // Three panels, one under the other.
        byte[] annotations = given().queryParam("format", "png").get("/api/v1/tasks/charts/annotations")
                .then().extract().asByteArray();
        assertEquals(3 * 480, ImageIO.read(new ByteArrayInputStream(annotations)).getHeight());
        TestIdentity.anonymous().get("/api/v1/tasks/charts/file-types").then().statusCode(401)
                .body("type", containsString("unauthorized"));
    }
}
