package ai.datasuite.gateway.evaluation.score;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.FakeServicesResource;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.InjectFakes;
import ai.datasuite.testsupport.identity.TestIdentity;

/** POST /api/v1/evaluations/score over HTTP: any key may score, every bad body is a 400 problem naming the field. */
@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class ScoreResourceTest {

    private static final String PATH = "/api/v1/evaluations/score";

    @InjectFakes
    FakeServices fakes;

    private String userKey;

    @BeforeEach
    void user() {
        userKey = ApiKeys.generate();
        fakes.keys.seed(userKey, "ada", "user");
    }

    private ValidatableResponse score(Object body) {
        return Gateway.withKey(userKey).contentType(ContentType.JSON).body(body).post(PATH).then();
    }

    private static Map<String, Object> pair(String answer, String truth) {
        Map<String, Object> body = new HashMap<>();
        body.put("model_answer", answer);
        body.put("ground_truth", truth);
        return body;
    }

    @Test
    void aUserScoresANumberAsGaiaDoes() {
        score(pair("$89,706.00", "89706")).statusCode(200).contentType(startsWith("application/json"))
                .body("correct", equalTo(true)).body("kind", equalTo("number"))
                .body("normalized_answer", equalTo("89706.0")).body("normalized_truth", equalTo("89706.0"))
                .body("elements", emptyIterable());
        score(pair("89706 apples", "89706")).statusCode(200).body("correct", equalTo(false))
                .body("normalized_answer", equalTo("89706 apples"));
    }

    @Test
    void aListAnswerShowsEveryPosition() {
        score(pair("St. Louis; 3, Owls", "st. louis, 3, owl")).statusCode(200)
                .body("correct", equalTo(false)).body("kind", equalTo("list"))
                .body("normalized_answer", equalTo("st.louis,3.0,owls"))
                .body("elements.correct", contains(true, true, false))
                .body("elements.kind", contains("string", "number", "string"))
                .body("elements[2].answer", equalTo("owls")).body("elements[2].truth", equalTo("owl"));
        score(pair("a, b", "a, b, c")).statusCode(200).body("correct", equalTo(false))
                .body("elements[2].answer", nullValue()).body("elements[2].truth", equalTo("c"));
    }

    @Test
    void aStringDropsWhiteSpaceAndPunctuationAndANullAnswerIsNone() {
        score(pair("Sea\u00a0gull!", "seagull")).statusCode(200).body("correct", equalTo(true))
                .body("kind", equalTo("string")).body("normalized_answer", equalTo("seagull"));
        score(pair(null, "None")).statusCode(200).body("correct", equalTo(true));
        score(Map.of("ground_truth", "none")).statusCode(200).body("correct", equalTo(true))
                .body("normalized_answer", equalTo("none"));
        // the official quirk: an answer that is no number counts as inf
        score(pair("I do not know", "inf")).statusCode(200).body("correct", equalTo(true))
                .body("kind", equalTo("number"));
    }

    @Test
    void theHttpAnswersAgreeWithTheOfficialCases() {
        // a few of scorer-cases.json through HTTP, unicode included (JSON carries it unchanged)
        for (GaiaCases.ScorerCase c : GaiaCases.scorer().stream()
                .filter(c -> c.answer() != null && !c.answer().chars().anyMatch(ch -> ch < 0x20)).limit(20).toList()) {
            score(pair(c.answer(), c.truth())).statusCode(200).body("correct", equalTo(c.correct()))
                    .body("kind", equalTo(c.kind())).body("normalized_answer", equalTo(c.normalizedAnswer()));
        }
    }

    @Test
    void withoutAKeyItIs401() {
        TestIdentity.anonymous().contentType(ContentType.JSON).body(pair("1", "1")).post(PATH).then()
                .statusCode(401).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"));
        Gateway.withKey(ApiKeys.generate()).contentType(ContentType.JSON).body(pair("1", "1")).post(PATH).then()
                .statusCode(401);
    }

    @Test
    void badBodiesAre400ProblemsNamingTheField() {
        problem(score(Map.of("model_answer", "x")), "ground_truth").body("detail", containsString("required"));
        problem(score(pair("x", null)), "ground_truth");
        problem(score(Map.of("model_answer", "1", "ground_truth", 1)), "ground_truth")
                .body("detail", containsString("must be a string"));
        problem(score(Map.of("model_answer", List.of("a"), "ground_truth", "a")), "model_answer")
                .body("detail", containsString("not a list"));
        problem(score(Map.of("model_answer", "a".repeat(10_001), "ground_truth", "a")), "model_answer")
                .body("detail", containsString("at most 10000 characters (gateway.evaluations.score.max-chars)"))
                .body("detail", not(containsString("aaaa")));
        score(Map.of("model_answer", "a".repeat(10_000), "ground_truth", "a")).statusCode(200)
                .body("correct", equalTo(false));
        score(List.of("1", "1")).statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("JSON object"));
        Gateway.withKey(userKey).contentType(ContentType.JSON).body("{\"model_answer\": ").post(PATH).then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:ai-data-suite:problem:validation"));
        Gateway.withKey(userKey).contentType(ContentType.JSON).post(PATH).then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        Gateway.withKey(userKey).contentType(ContentType.TEXT).body("1").post(PATH).then().statusCode(415)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void bothWrongFieldsAreNamedAtOnce() {
        List<String> fields = score(Map.of("model_answer", 2, "ground_truth", true)).statusCode(400)
                .extract().jsonPath().getList("errors.field");
        assertEquals(List.of("model_answer", "ground_truth"), fields);
    }

    @Test
    void thePublicOpenApiDescribesItWithAnExampleOfEachKind() {
        io.restassured.path.json.JsonPath document = TestIdentity.anonymous().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String operation = "paths.'" + PATH + "'.post.";

        for (String kind : List.of("number", "list", "string")) {
            assertEquals(kind, document.getString(operation
                    + "responses.'200'.content.'application/json'.examples." + kind + ".value.kind"));
            assertEquals(true, document.getBoolean(operation
                    + "responses.'200'.content.'application/json'.examples." + kind + ".value.correct"));
        }
        assertEquals("ground_truth", document.getString(operation
                + "responses.'400'.content.'application/problem+json'.examples.'no ground truth'.value.errors[0].field"));
        assertEquals("#/components/responses/Unauthorized", document.getString(operation + "responses.'401'.$ref"));
    }

    private static ValidatableResponse problem(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:ai-data-suite:problem:validation"))
                .body("errors[0].field", equalTo(field)).body("detail", startsWith(field));
    }
}
