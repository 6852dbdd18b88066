package ai.datasuite.metadata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessReportsTheDatasourceAndTheSchema() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'metadata-schema' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'metadata-schema' }.data.db_kind",
                        equalTo(System.getProperty("db.kind", "h2")));
    }

    @Test
    void openApiListsEveryPath() {
        given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", notNullValue())
                .body("paths.'/api/v1/files'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/files/{id}'.get", notNullValue())
                .body("paths.'/api/v1/files/{id}'.delete", notNullValue())
                .body("paths.'/api/v1/files/references'.post", notNullValue())
                .body("paths.'/api/v1/tasks'.get", notNullValue())
                .body("paths.'/api/v1/tasks/import'.post", notNullValue())
                .body("paths.'/api/v1/tasks/match'.post", notNullValue())
                .body("paths.'/api/v1/tasks/{task_id}'.get", notNullValue())
                .body("paths.'/api/v1/keys'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/keys'.get", notNullValue())
                .body("paths.'/api/v1/keys/{id}'.get", notNullValue())
                .body("paths.'/api/v1/keys/{id}'.delete", notNullValue())
                .body("paths.'/api/v1/keys/lookup/{key_hash}'.get.responses.'403'", notNullValue());
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/api/v1/files").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }
}
