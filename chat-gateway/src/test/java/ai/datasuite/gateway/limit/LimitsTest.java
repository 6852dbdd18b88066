package ai.datasuite.gateway.limit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.FakeUpstream;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.GeneratedBytes;
import ai.datasuite.gateway.support.InjectFakes;
import ai.datasuite.gateway.support.RawHttp;
import ai.datasuite.gateway.support.TightLimitsProfile;

@QuarkusTest
@TestProfile(TightLimitsProfile.class)
class LimitsTest {

    private static final long LIMIT = 1024 * 1024;

    @InjectFakes
    FakeServices fakes;

    /** A fresh key: each test has its own bucket of 3 requests. */
    private String key(String user) {
        String key = ApiKeys.generate();
        fakes.keys.seed(key, user, "user");
        return key;
    }

    @Test
    void aKeyPastItsRateGets429WithRetryAfter() {
        String key = key("rita");
        for (int i = 0; i < 3; i++) {
            Gateway.withKey(key).get("/api/v1/datasets").then().statusCode(200);
        }
        ExtractableResponse<Response> limited = Gateway.withKey(key).get("/api/v1/datasets").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:rate-limited"))
                .body("detail", containsString("Retry in"))
                .extract();
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertThat(retryAfter, allOf(greaterThan(0), lessThanOrEqualTo(3600)));
        assertEquals(retryAfter, (int) limited.path("retry_after_seconds"));
        // Another key has its own bucket; the gateway's own endpoints count too.
        String other = key("otto");
        Gateway.withKey(other).get("/api/v1/datasets").then().statusCode(200);
        Gateway.withKey(other).get("/api/v1/keys").then().statusCode(403);
        Gateway.withKey(other).get("/api/v1/keys").then().statusCode(403);
        Gateway.withKey(other).get("/api/v1/keys").then().statusCode(429).header("Retry-After", greaterThanZero());
    }

    private static org.hamcrest.Matcher<String> greaterThanZero() {
        return org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*");
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413BeforeAnythingIsSent() {
        FakeUpstream ingest = fakes.get(Upstream.INGEST);
        String answer = RawHttp.exchange("POST /api/v1/files HTTP/1.1\r\nX-Api-Key: " + key("olga")
                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + (LIMIT + 1));
        assertEquals(413, RawHttp.status(answer), answer);
        assertThat(answer, containsString("application/problem+json"));
        assertThat(answer, containsString("urn:ai-data-suite:problem:payload-too-large"));
        assertThat(answer, containsString("1 MiB"));
        assertThat(answer, containsString("\"max_body_bytes\":" + LIMIT));
        // Counted by caller: requests of earlier tests may still reach the shared fake while this one runs.
        assertEquals(0, ingest.seen.stream().filter(seen -> "olga".equals(seen.identity().user())).count());
    }

    @Test
    void aBodyAtTheLimitPasses() {
        byte[] body = new byte[(int) LIMIT];
        GeneratedBytes.fill(body, 0, body.length);
        Gateway.withKey(key("paula")).contentType("application/octet-stream").body(body).post("/api/v1/files")
                .then().statusCode(200).body("body_length", equalTo((int) LIMIT))
                .body("body_sha256", equalTo(GeneratedBytes.sha256(LIMIT)));
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsCutOffWith413() {
        FakeUpstream ingest = fakes.get(Upstream.INGEST);
        String answer = RawHttp.chunked("POST /api/v1/files HTTP/1.1\r\nX-Api-Key: " + key("chuck")
                + "\r\nContent-Type: application/octet-stream", 3 * LIMIT);
        assertEquals(413, RawHttp.status(answer), answer);
        assertThat(answer, containsString("urn:ai-data-suite:problem:payload-too-large"));
        assertTrue(ingest.seen.stream().noneMatch(seen -> seen.completed() && seen.bodyLength() > LIMIT),
                "ingest never got a whole body over the limit: " + ingest.seen);
    }

    @Test
    void aServiceThatIsDownIs503QuicklyAndItsBreakerOpens() {
        String url = fakes.url(Upstream.INFERENCE);
        for (int i = 0; i < 2; i++) {
            String key = key("dora" + i);
            Gateway.withKey(key).get("/api/v1/datasets").then().statusCode(200); // the key is known now
            long start = System.nanoTime();
            Gateway.withKey(key).post("/api/v1/predict").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", greaterThanZero())
                    .body("type", equalTo("urn:ai-data-suite:problem:inference-service-unavailable"))
                    .body("detail", allOf(containsString("inference-service is unavailable (connection refused)"),
                            containsString("Start it"), not(containsString(url))))
                    .body("service", equalTo("inference-service"));
            assertThat("refused quickly (one retry 100 ms later)", (System.nanoTime() - start) / 1_000_000,
                    lessThan(3000L));
        }
        String key = key("dora");
        Gateway.withKey(key).get("/api/v1/datasets").then().statusCode(200);
        long start = System.nanoTime();
        Gateway.withKey(key).get("/api/v1/jobs/1").then().statusCode(503)
                .header("Retry-After", greaterThanZero())
                .body("type", equalTo("urn:ai-data-suite:problem:inference-service-unavailable"))
                .body("detail", containsString("recent requests failed"));
        assertThat("an open breaker answers at once", (System.nanoTime() - start) / 1_000_000, lessThan(1000L));
    }

    @Test
    void aServiceThatAnswersTooLateIs504() {
        long start = System.nanoTime();
        Gateway.withKey(key("sam")).header("X-Fake-Delay-Ms", "4000").get("/api/v1/tasks").then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:metadata-service-timeout"))
                .body("detail", containsString("gateway.proxy.response-timeout"));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(tookMillis, allOf(greaterThan(900L), lessThan(3500L)));
        Gateway.withKey(key("sam2")).get("/api/v1/tasks").then().statusCode(200);
    }

    @Test
    void readinessNamesEveryServiceAndIsDownWhileOneIs() {
        Gateway.asAdmin().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'inference-service' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'inference-service' }.data.url",
                        equalTo(fakes.url(Upstream.INFERENCE) + "/q/health/ready"))
                .body("checks.find { it.name == 'ingest-service' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'metadata-service' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'retrieval-service' }.status", equalTo("UP"));
    }
}
