package ai.datasuite.inference.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.datasuite.inference.TinyModelsResource;
import ai.datasuite.inference.serving.ModelRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A model that should load at startup but cannot keeps the service not ready, and readiness says which and why. */
@QuarkusTest
@TestProfile(ModelsReadinessCheckTest.BrokenAtStart.class)
class ModelsReadinessCheckTest {

    public static class BrokenAtStart implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TinyModelsResource.class, Map.of(TinyModelsResource.LOAD_AT_START,
                    TinyModelsResource.TINY + "," + TinyModelsResource.BROKEN)));
        }
    }

    @Inject
    ModelRegistry registry;

    @Test
    void downWhileAStartupModelIsNotLoadedAndUpOnceItIsReplaced() throws Exception {
        registry.startup().get(60, java.util.concurrent.TimeUnit.SECONDS);
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'models' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'models' }.data.broken", containsString("tokenizer.json"))
                // The readiness check is open to anyone: it says what is wrong, not where the files are.
                .body("checks.find { it.name == 'models' }.data.broken", org.hamcrest.Matchers.not(containsString(
                        org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("tiny-models.root", String.class))));
        given().get("/api/v1/classifiers/" + TinyModelsResource.TINY).then().body("state", equalTo("loaded"));
        // A working version of the same id makes the service ready.
        String tinyPath = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("inference.serving.models." + TinyModelsResource.TINY + ".path", String.class);
        registry.promote(new ai.datasuite.inference.serving.ModelFolder(TinyModelsResource.BROKEN, "2",
                java.nio.file.Path.of(tinyPath)));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'models' }.status", equalTo("UP"));
    }
}
