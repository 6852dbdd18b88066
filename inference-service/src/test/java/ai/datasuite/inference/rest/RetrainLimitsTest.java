package ai.datasuite.inference.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import ai.datasuite.identity.Roles;
import ai.datasuite.inference.support.EmotionModelTestProfile;
import ai.datasuite.inference.support.FakeCommentsMetadata;
import ai.datasuite.inference.support.Poll;
import ai.datasuite.testsupport.identity.TestIdentity;

/** A retrain holds every labelled comment in memory: more than the configured number fails the job, naming the key. */
@QuarkusTest
@TestProfile(RetrainLimitsTest.TwoLabelledComments.class)
class RetrainLimitsTest {

    public static class TwoLabelledComments extends EmotionModelTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("inference.training.max-labelled-comments", "2");
            // Registered, not loaded: the limit is hit before any training or loading.
            config.put("inference.serving.load-at-start", "none");
            return config;
        }
    }

    @Test
    void moreLabelledCommentsThanTheLimitFailTheJobNamingTheKey() {
        FakeCommentsMetadata.reset();
        FakeCommentsMetadata.seedLabelled("I can't stop smiling today", "neutral", "joy", 0.4);
        FakeCommentsMetadata.seedLabelled("This queue is a scandal, I'm livid", "sadness", "anger", 0.5);
        FakeCommentsMetadata.seedLabelled("Spiders everywhere, I'm terrified", "neutral", "fear", 0.5);
        String location = TestIdentity.as("alice", Roles.ADMIN).when().post("/api/v1/classifiers/emotion/retrain")
                .then().statusCode(202).extract().header("Location");
        Poll.until(() -> given().get(location).then().extract().path("status"), s -> !"running".equals(s),
                Duration.ofSeconds(60));
        JsonPath job = given().get(location).then().statusCode(200).extract().jsonPath();
        assertEquals("failed", job.getString("status"), job.prettify());
        assertTrue(job.getString("message").contains("inference.training.max-labelled-comments"), job.getString("message"));
        assertTrue(job.getString("message").contains("3 labelled comments"), job.getString("message"));
    }
}
