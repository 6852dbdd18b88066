package ai.datasuite.gateway.proxy;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.FakeServicesResource;
import ai.datasuite.gateway.support.FakeUpstream;
import ai.datasuite.gateway.support.Gateway;
import ai.datasuite.gateway.support.InjectFakes;

/** A service's Location naming its own internal address reaches the client as the gateway's path. */
@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class LocationTest {

    @InjectFakes
    FakeServices fakes;

    @Test
    void theServicesOwnAddressNeverLeavesInALocation() {
        FakeUpstream inference = fakes.get(Upstream.INFERENCE);
        inference.serve("/api/v1/jobs/location-", (request, identity, body) -> request.response()
                .setStatusCode(202)
                .putHeader("Location", request.path().endsWith("own")
                        ? inference.url() + "/api/v1/jobs/3f1c?wait=1"
                        : "https://elsewhere.example/api/v1/jobs/3f1c")
                .end());
        String key = ApiKeys.generate();
        fakes.keys.seed(key, "alice", "user");
        Gateway.withKey(key).post("/api/v1/jobs/location-own").then().statusCode(202)
                .header("Location", equalTo("/api/v1/jobs/3f1c?wait=1"));
        Gateway.withKey(key).post("/api/v1/jobs/location-foreign").then().statusCode(202)
                .header("Location", equalTo("https://elsewhere.example/api/v1/jobs/3f1c"));
    }
}
