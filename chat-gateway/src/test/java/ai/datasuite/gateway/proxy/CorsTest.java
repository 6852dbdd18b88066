package ai.datasuite.gateway.proxy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import ai.datasuite.gateway.support.FakeServicesResource;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.testsupport.identity.TestIdentity;

/** The web app's origin (%test: https://app.example.test) may call the routed paths and the gateway's own. */
@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class CorsTest {

    private static final String APP = "https://app.example.test";

    @Test
    void aPreflightFromTheAppsOriginIsAllowedOnRoutedAndOwnPaths() {
        for (String path : new String[] {"/api/v1/files", "/api/v1/models/find_context", "/api/v1/keys"}) {
            TestIdentity.anonymous().header("Origin", APP).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "X-Api-Key, Content-Type")
                    .options(path).then().statusCode(200)
                    .header("Access-Control-Allow-Origin", APP)
                    .header("Access-Control-Allow-Methods", containsString("POST"))
                    .header("Access-Control-Allow-Headers", containsString("X-Api-Key"));
        }
    }

    @Test
    void anotherOriginIsNotAllowed() {
        TestIdentity.anonymous().header("Origin", "https://evil.example.test")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/files").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aRoutedAnswerCarriesTheCorsHeaders() {
        Gateway.asAdmin().header("Origin", APP).get("/api/v1/tasks").then().statusCode(200)
                .body("service", equalTo("metadata-service"))
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
        Gateway.withKey("ads_unknown").header("Origin", APP).get("/api/v1/tasks").then().statusCode(401)
                .header("Access-Control-Allow-Origin", not(nullValue()));
    }
}
