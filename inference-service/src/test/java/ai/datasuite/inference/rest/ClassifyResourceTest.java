package ai.datasuite.inference.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import ai.datasuite.identity.Roles;
import ai.datasuite.inference.support.CommentsTestProfile;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * {@code POST /api/v1/classify/zero-shot} and {@code /few-shot} over HTTP with the real e5 encoder: ranking shape and
 * order, the obvious label wins, model_version follows labels, descriptions and examples, every limit answers
 * problem+json naming its key, and no identity is 401. Any role may classify.
 */
@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class ClassifyResourceTest {

    static final String ZERO = "/api/v1/classify/zero-shot";
    static final String FEW = "/api/v1/classify/few-shot";
    static final String BOOTS = "Waterproof Leather Hiking Boots. Sturdy lace-up boots with a rubber sole for muddy trails.";
    static final String SHIRT = "Linen Summer Shirt. A breezy short-sleeved button-down shirt for warm days.";
    static final String PHONE = "Smartphone X. A phone with a bright touch screen, fast charging and two cameras.";
    static final List<String> LABELS = List.of("apparel", "footwear", "electronics", "furniture");
    static final List<Map<String, String>> EXAMPLES = List.of(
            Map.of("text", "Classic Leather Boots. Ankle boots for every season.", "label", "footwear"),
            Map.of("text", "Running Sneakers. Light running shoes with a cushioned sole.", "label", "footwear"),
            Map.of("text", "Cotton T-Shirt. A soft crew-neck tee in five colours.", "label", "apparel"),
            Map.of("text", "Wool Sweater. A warm knitted pullover.", "label", "apparel"),
            Map.of("text", "Wireless Earbuds. Bluetooth earbuds with noise cancelling.", "label", "electronics"),
            Map.of("text", "Laptop 14. A thin laptop with a long battery life.", "label", "electronics"));

    private static ValidatableResponse post(String path, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    private static JsonPath ok(String path, Map<String, ?> body) {
        return post(path, body).statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private static void assertRanked(JsonPath answer, int texts, int k) {
        assertEquals(texts, answer.getList("results").size());
        for (int i = 0; i < texts; i++) {
            List<Map<String, Object>> ranked = answer.getList("results[" + i + "].ranked");
            assertEquals(k, ranked.size(), "top_k labels ranked");
            assertEquals(answer.getString("results[" + i + "].label"), ranked.get(0).get("label"));
            assertEquals(answer.getDouble("results[" + i + "].score"), ((Number) ranked.get(0).get("score")).doubleValue(), 1e-6);
            double previous = 1.0;
            for (Map<String, Object> item : ranked) {
                double score = ((Number) item.get("score")).doubleValue();
                assertTrue(score >= 0 && score <= previous, "scores in 0..1, best first: " + ranked);
                previous = score;
            }
        }
    }

    @Test
    void zeroShotRanksTheObviousLabelFirst() {
        JsonPath answer = ok(ZERO, Map.of("texts", List.of(BOOTS, SHIRT, PHONE), "labels", LABELS, "top_k", 2));
        assertEquals("zero-shot", answer.getString("mode"));
        assertEquals("e5-small-v2", answer.getString("model"));
        assertTrue(answer.getString("model_version").matches("e5-small-v2-q/zero-shot@[0-9a-f]{8}"),
                answer.getString("model_version"));
        assertRanked(answer, 3, 2);
        assertEquals(List.of("footwear", "apparel", "electronics"), answer.getList("results.label"));
    }

    @Test
    void topKDefaultsToThreeAndAtMostEveryLabel() {
        assertRanked(ok(ZERO, Map.of("texts", List.of(BOOTS), "labels", LABELS)), 1, 3);
        JsonPath all = ok(ZERO, Map.of("texts", List.of(BOOTS), "labels", LABELS, "top_k", 50));
        assertRanked(all, 1, LABELS.size());
        double sum = all.getList("results[0].ranked.score", Float.class).stream().mapToDouble(Float::doubleValue).sum();
        assertEquals(1.0, sum, 1e-3, "scores are a softmax over the labels");
    }

    @Test
    void descriptionsAreOneTextOrSeveralAndChangeTheModelVersion() {
        Map<String, Object> plain = Map.of("texts", List.of(PHONE), "labels", LABELS);
        String v1 = ok(ZERO, plain).getString("model_version");
        assertEquals(v1, ok(ZERO, plain).getString("model_version"), "same labels, same version");
        List<String> reordered = new ArrayList<>(LABELS);
        Collections.reverse(reordered);
        String v2 = ok(ZERO, Map.of("texts", List.of(PHONE), "labels", reordered)).getString("model_version");
        String v3 = ok(ZERO, Map.of("texts", List.of(PHONE), "labels", LABELS, "label_descriptions",
                Map.of("electronics", "electronics: phones, laptops and headphones"))).getString("model_version");
        JsonPath several = ok(ZERO, Map.of("texts", List.of(PHONE), "labels", LABELS, "label_descriptions",
                Map.of("electronics", List.of("electronics: smartphone", "electronics: laptop"),
                        "furniture", List.of("furniture: sofa", "furniture: desk"))));
        assertEquals("electronics", several.getString("results[0].label"));
        assertEquals(4, List.of(v1, v2, v3, several.getString("model_version")).stream().distinct().count());
    }

    @Test
    void fewShotFitsAHeadOnTheExamples() {
        JsonPath answer = ok(FEW, Map.of("texts", List.of(BOOTS, SHIRT, PHONE), "examples", EXAMPLES, "top_k", 3));
        assertEquals("few-shot", answer.getString("mode"));
        assertEquals("e5-small-v2", answer.getString("model"));
        String version = answer.getString("model_version");
        assertTrue(version.matches("e5-small-v2-q/logreg@[0-9a-f]{8}"), version);
        assertRanked(answer, 3, 3);
        assertEquals(List.of("footwear", "apparel", "electronics"), answer.getList("results.label"));

        assertEquals(version, ok(FEW, Map.of("texts", List.of(SHIRT), "examples", EXAMPLES)).getString("model_version"),
                "the same examples give the same (cached) head");
        List<Map<String, String>> more = new ArrayList<>(EXAMPLES);
        more.add(Map.of("text", "Desk Lamp Stand. An oak side table.", "label", "furniture"));
        JsonPath changed = ok(FEW, Map.of("texts", List.of(SHIRT), "examples", more, "top_k", 9));
        assertNotEquals(version, changed.getString("model_version"));
        assertRanked(changed, 1, 4);
    }

    @Test
    void anyRoleMayClassify() {
        TestIdentity.as("bob", Roles.USER).contentType(ContentType.JSON)
                .body(Map.of("texts", List.of(SHIRT), "labels", LABELS))
                .when().post(ZERO).then().statusCode(200).body("results", hasSize(1));
        TestIdentity.as("bob", Roles.USER).contentType(ContentType.JSON)
                .body(Map.of("texts", List.of(SHIRT), "examples", EXAMPLES))
                .when().post(FEW).then().statusCode(200).body("results", hasSize(1));
    }

    @Test
    void noIdentityIs401BeforeAnyWork() {
        for (String path : List.of(ZERO, FEW)) {
            TestIdentity.anonymous().contentType(ContentType.JSON)
                    .body(Map.of("texts", List.of(SHIRT), "labels", LABELS, "examples", EXAMPLES))
                    .when().post(path).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"));
        }
    }

    private static void problem(ValidatableResponse response, int status, String detail) {
        response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", containsString(detail));
    }

    @Test
    void badZeroShotRequestsAre400Or413NamingTheKeyOrField() {
        problem(post(ZERO, Map.of("texts", List.of(), "labels", LABELS)), 400, "texts is missing or empty");
        problem(post(ZERO, Map.of("labels", LABELS)), 400, "texts is missing or empty");
        problem(post(ZERO, Map.of("texts", List.of(SHIRT, "  "), "labels", LABELS)), 400, "texts[1] is empty or blank");
        post(ZERO, Map.of("texts", Collections.nCopies(257, "a shirt"), "labels", LABELS)).statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:payload-too-large"))
                .body("limit", equalTo("inference.classify.max-texts"))
                .body("limit_value", equalTo(256))
                .body("detail", containsString("inference.classify.max-texts"));
        post(ZERO, Map.of("texts", List.of("x".repeat(10_001)), "labels", LABELS)).statusCode(400)
                .body("limit", equalTo("inference.classify.max-text-chars"))
                .body("detail", matchesPattern("texts\\[0\\] has 10001 characters.*inference\\.classify\\.max-text-chars.*"));
        problem(post(ZERO, Map.of("texts", List.of(SHIRT), "labels", List.of("apparel"))), 400,
                "at least two labels");
        problem(post(ZERO, Map.of("texts", List.of(SHIRT), "labels", List.of("apparel", "apparel"))), 400,
                "appears twice");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add("label " + i);
        }
        post(ZERO, Map.of("texts", List.of(SHIRT), "labels", tooMany)).statusCode(413)
                .body("limit", equalTo("inference.classify.max-labels"));
        problem(post(ZERO, Map.of("texts", List.of(SHIRT), "labels", LABELS, "label_descriptions",
                Map.of("toys", "toys: dolls"))), 400, "'toys', which is not in labels");
        problem(post(ZERO, Map.of("texts", List.of(SHIRT), "labels", LABELS, "label_descriptions",
                Map.of("apparel", 3))), 400, "must be a text or a non-empty list of texts");
        post(ZERO, Map.of("texts", List.of(SHIRT), "labels", LABELS, "label_descriptions",
                Map.of("apparel", List.of("apparel: shirt", "y".repeat(10_001))))).statusCode(400)
                .body("field", equalTo("label_descriptions.apparel[1]"))
                .body("limit", equalTo("inference.classify.max-text-chars"));
        problem(post(ZERO, Map.of("texts", List.of(SHIRT), "labels", LABELS, "top_k", 0)), 400, "top_k is 0");
        given().contentType(ContentType.JSON).body("{\"texts\": [").when().post(ZERO).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void badFewShotRequestsAre400Or413NamingTheKeyOrField() {
        problem(post(FEW, Map.of("texts", List.of(SHIRT), "examples", EXAMPLES.subList(0, 2))), 400,
                "at least two labels");
        problem(post(FEW, Map.of("texts", List.of(SHIRT), "examples", List.of())), 400, "examples is missing or empty");
        problem(post(FEW, Map.of("texts", List.of(SHIRT))), 400, "examples is missing or empty");
        problem(post(FEW, Map.of("texts", List.of(SHIRT), "examples", List.of(EXAMPLES.get(0),
                Map.of("text", "a thing", "label", " ")))), 400, "examples[1].label is blank");
        problem(post(FEW, Map.of("texts", List.of(SHIRT), "examples", List.of(EXAMPLES.get(0),
                Map.of("label", "apparel")))), 400, "examples[1].text is missing");
        post(FEW, Map.of("texts", List.of(SHIRT), "examples", Collections.nCopies(5001, EXAMPLES.get(0))))
                .statusCode(413)
                .body("limit", equalTo("inference.classify.max-examples"))
                .body("detail", containsString("5001 examples"));
        post(FEW, Map.of("texts", Collections.nCopies(257, "a shirt"), "examples", EXAMPLES)).statusCode(413)
                .body("limit", equalTo("inference.classify.max-texts"));
        post(FEW, Map.of("texts", List.of(SHIRT), "examples", List.of(EXAMPLES.get(0),
                Map.of("text", "z".repeat(10_001), "label", "apparel")))).statusCode(400)
                .body("field", equalTo("examples[1].text"))
                .body("limit", equalTo("inference.classify.max-text-chars"));
        problem(post(FEW, Map.of("texts", List.of(""), "examples", EXAMPLES)), 400, "texts[0] is empty or blank");
    }
}
