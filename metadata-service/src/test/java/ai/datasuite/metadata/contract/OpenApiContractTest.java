package ai.datasuite.metadata.contract;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import ai.datasuite.testsupport.openapi.ProviderContract;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed contract (contracts/metadata-service.openapi.json), against which the other services' fakes of this
 * service are checked, is this service's live OpenAPI document. Refresh it with -Dcontracts.update=true.
 */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void committedContractIsTheLiveDocument() {
        String live = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        ProviderContract.assertCommitted("metadata-service", live);
    }
}
