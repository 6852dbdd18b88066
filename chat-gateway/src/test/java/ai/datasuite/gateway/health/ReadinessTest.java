package ai.datasuite.gateway.health;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.FakeServicesResource;
import ai.datasuite.gateway.support.FakeUpstream;
import ai.datasuite.gateway.support.InjectFakes;
import ai.datasuite.testsupport.identity.TestIdentity;

@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class ReadinessTest {

    @InjectFakes
    FakeServices fakes;

    @Test
    void readyWhenEveryServiceIsWithOneCheckEachNamedAfterIt() {
        var checks = TestIdentity.anonymous().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks", hasSize(Upstream.values().length));
        for (Upstream upstream : Upstream.values()) {
            String check = "checks.find { it.name == '" + upstream.service() + "' }";
            checks.body(check + ".status", equalTo("UP"))
                    .body(check + ".data.url", equalTo(fakes.url(upstream) + "/q/health/ready"))
                    .body(check + ".data.http_status", equalTo(200));
        }
    }

    @Test
    void notReadyWhileOneServiceIsNot() {
        FakeUpstream retrieval = fakes.get(Upstream.RETRIEVAL);
        retrieval.ready = false;
        try {
            TestIdentity.anonymous().get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'retrieval-service' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'retrieval-service' }.data.http_status", equalTo(503))
                    .body("checks.find { it.name == 'ingest-service' }.status", equalTo("UP"));
        } finally {
            retrieval.ready = true;
        }
        TestIdentity.anonymous().get("/q/health/ready").then().statusCode(200);
    }
}
