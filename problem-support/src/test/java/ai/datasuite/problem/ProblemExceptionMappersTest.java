package ai.datasuite.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The common mappers, through a running app: every failure leaves as problem+json with a stable type. */
@QuarkusTest
class ProblemExceptionMappersTest {

    @Test
    void problemExceptionKeepsItsStatusExtensionsAndHeaders() {
        given().when().get("/probe/problem")
                .then().statusCode(416).contentType(Problems.MEDIA_TYPE)
                .header("Content-Range", "bytes */3")
                .body("type", equalTo(Problems.TYPE_PREFIX + "range-not-satisfiable"))
                .body("detail", equalTo("the range is past the end"))
                .body("size_bytes", equalTo(3));
    }

    @Test
    void unexpectedFailuresHideTheirMessage() {
        given().when().get("/probe/boom")
                .then().statusCode(500).contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo(Problems.TYPE_PREFIX + "internal"))
                .body("detail", not(containsString("/var/lib")));
    }

    @Test
    void validationNamesFieldsInSnakeCase() {
        given().contentType("application/json").body("{\"user_name\":\"\",\"size_bytes\":11}")
                .when().post("/probe/body")
                .then().statusCode(400).contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo(Problems.TYPE_PREFIX + "validation"))
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItem("user_name"))
                .body("errors.field", hasItem("size_bytes"));
    }

    @Test
    void malformedAndMistypedJsonSayWhere() {
        given().contentType("application/json").body("{\"user_name\": ")
                .when().post("/probe/body")
                .then().statusCode(400).body("title", equalTo("Invalid JSON"))
                .body("detail", containsString("Malformed JSON"));
        given().contentType("application/json").body("{\"user_name\":\"a\",\"size_bytes\":\"ten\"}")
                .when().post("/probe/body")
                .then().statusCode(400).body("detail", equalTo("Wrong type at 'size_bytes': expected a number"));
        given().contentType("application/json").body("{\"user_name\":\"a\",\"skipped\":" + "[".repeat(1500) + "]".repeat(1500) + "}")
                .when().post("/probe/body")
                .then().statusCode(400).body("detail", containsString("nesting depth"))
                .body("detail", not(containsString("StreamReadConstraints")));
    }

    @Test
    void aMultipartFormCutShortOrWithAnotherBoundaryIsABadRequest() {
        String form = "--b1\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nalice\r\n--b1--\r\n";
        given().contentType("multipart/form-data; boundary=b1").body(form.getBytes()).when().post("/probe/form")
                .then().statusCode(200).body(equalTo("alice"));
        given().contentType("multipart/form-data; boundary=b1").body(form.substring(0, 40).getBytes()).when().post("/probe/form")
                .then().statusCode(400).contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo(Problems.TYPE_PREFIX + "validation"))
                .body("title", equalTo("Malformed form"))
                .body("detail", not(containsString("Exception")));
        given().contentType("multipart/form-data; boundary=other").body(form.getBytes()).when().post("/probe/form")
                .then().statusCode(400).body("title", equalTo("Malformed form"));
    }

    @Test
    void aParameterOfTheWrongTypeIsABadRequest() {
        given().queryParam("size", "ten").when().get("/probe/typed")
                .then().statusCode(400).body("type", equalTo(Problems.TYPE_PREFIX + "validation"));
    }

    @Test
    void unknownPathIsNotFound() {
        given().when().get("/probe/nothing-here")
                .then().statusCode(404).contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo(Problems.TYPE_PREFIX + "not-found"))
                .body("detail", containsString("/q/openapi"));
    }

    @Test
    void methodNotAllowedSaysWhatIsAllowed() {
        given().when().delete("/probe/items/1")
                .then().statusCode(405).contentType(Problems.MEDIA_TYPE)
                .header("Allow", notNullValue())
                .header("Allow", containsString("GET"))
                .header("Allow", containsString("PUT"))
                .body("type", equalTo(Problems.TYPE_PREFIX + "method-not-allowed"))
                .body("detail", containsString("GET"));
    }

    @Test
    void unsupportedMediaTypeAndNotAcceptable() {
        given().contentType("text/plain").body("x").when().post("/probe/body")
                .then().statusCode(415).contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo(Problems.TYPE_PREFIX + "unsupported-media-type"));
        given().accept("image/png").when().get("/probe/items/1")
                .then().statusCode(406).contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo(Problems.TYPE_PREFIX + "not-acceptable"));
    }
}
