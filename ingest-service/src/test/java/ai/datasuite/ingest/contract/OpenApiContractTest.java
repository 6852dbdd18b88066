package ai.datasuite.ingest.contract;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import ai.datasuite.ingest.support.FakeMetadataResource;
import ai.datasuite.ingest.support.S3ProxyResource;
import ai.datasuite.testsupport.openapi.ProviderContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed contract (contracts/ingest-service.openapi.json), against which the other services' fakes of this
 * service are checked, is this service's live OpenAPI document. Refresh it with -Dcontracts.update=true.
 */
@QuarkusTest
@WithTestResource(S3ProxyResource.class)
@WithTestResource(FakeMetadataResource.class)
class OpenApiContractTest {

    @Test
    void committedContractIsTheLiveDocument() {
        String live = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        ProviderContract.assertCommitted("ingest-service", live);
    }
}
