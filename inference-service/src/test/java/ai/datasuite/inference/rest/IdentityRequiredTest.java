package ai.datasuite.inference.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.Roles;
import ai.datasuite.inference.support.CommentsTestProfile;
import ai.datasuite.inference.support.FakeCommentsMetadata;
import ai.datasuite.inference.support.FakeTextClassifier;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * Every endpoint needs the identity the gateway signs: none, a forged one (another key), an expired one or an API key
 * is 401 problem+json with a challenge, before anything runs. Health and the OpenAPI document stay open.
 */
@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class IdentityRequiredTest {

    @BeforeEach
    void reset() {
        FakeCommentsMetadata.reset();
        FakeTextClassifier.reset();
    }

    private static RequestSpecification caller(String kind) {
        return switch (kind) {
            case "none" -> TestIdentity.anonymous();
            // An admin's claims signed with a key the service does not trust.
            case "forged" -> given().header("Authorization", "Bearer " + TestIdentity.forgedToken("root", Roles.ADMIN));
            case "expired" -> given().header("Authorization", "Bearer " + TestIdentity.expiredToken("root", Roles.ADMIN));
            default -> given().header("X-Api-Key", "some-api-key");
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "forged", "expired", "api-key"})
    void representativeEndpointsAre401(String kind) {
        String[][] calls = {{"GET", "/api/v1/comments"}, {"GET", "/api/v1/comments/1"}, {"POST", "/api/v1/comments"},
                {"GET", "/api/v1/comments/stats"}, {"POST", "/api/v1/predict"}, {"GET", "/api/v1/classifiers"},
                {"POST", "/api/v1/classifiers/emotion/unload"}, {"GET", "/api/v1/jobs"}, {"POST", "/api/v1/jobs/predict"},
                {"POST", "/api/v1/classify/zero-shot"}, {"POST", "/api/v1/classify/few-shot"}};
        for (String[] call : calls) {
            caller(kind).contentType(ContentType.JSON).body(Map.of("comment", "hi", "texts", new String[] {"hi"}))
                    .when().request(call[0], call[1])
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", equalTo("urn:ai-data-suite:problem:unauthorized"))
                    .body("status", equalTo(401))
                    .body("detail", containsString("chat-gateway"));
        }
        assertTrue(FakeCommentsMetadata.REQUESTS.isEmpty(), "nothing reached metadata-service");
        assertTrue(FakeTextClassifier.CALLS.get() == 0, "nothing was classified");
    }

    @Test
    void theDetailSaysWhetherTheTokenWasMissingOrBad() {
        caller("none").get("/api/v1/comments").then().statusCode(401).body("detail", containsString("carries none"));
        caller("expired").get("/api/v1/comments").then().statusCode(401)
                .body("detail", containsString("invalid or has expired"));
    }

    @Test
    void healthAndTheOpenApiDocumentStayOpen() {
        TestIdentity.anonymous().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        TestIdentity.anonymous().get("/q/health/ready").then().statusCode(200);
        TestIdentity.anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }
}
