package ai.datasuite.inference.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import ai.datasuite.identity.Roles;
import ai.datasuite.inference.TinyModels;
import ai.datasuite.inference.support.FakeCommentsMetadata;
import ai.datasuite.testsupport.identity.TestIdentity;

/** An operator's own export served as "emotion" (inference.serving.models.emotion.path) is never replaced by a retrain. */
@QuarkusTest
@TestProfile(RetrainConfiguredExportTest.Profile.class)
class RetrainConfiguredExportTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path dir = Files.createTempDirectory(Path.of("target"), "export-");
                new TinyModels(TinyModels.BERT_LIKE).write(dir.resolve("emotion"));
                return Map.of(
                        "suite.data-dir", dir.resolve("data").toAbsolutePath().toString(),
                        "inference.serving.models.emotion.path", dir.resolve("emotion").toAbsolutePath().toString(),
                        "inference.serving.models.emotion.version", "exported-1",
                        "inference.serving.load-at-start", "none",
                        "inference.jobs.predict.cron", "off");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeCommentsMetadata.class));
        }
    }

    @Test
    void retrainRefusesToReplaceAConfiguredExport() {
        given().get("/api/v1/classifiers/emotion").then().statusCode(200)
                .body("source", equalTo("config"))
                .body("version", equalTo("exported-1"));
        TestIdentity.as("bob", Roles.USER).when().post("/api/v1/classifiers/emotion/retrain")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ai-data-suite:problem:forbidden"));
        given().when().post("/api/v1/classifiers/emotion/retrain")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("inference.serving.models.emotion.path"));
        given().get("/api/v1/classifiers/emotion").then().body("version", equalTo("exported-1"));
    }
}
