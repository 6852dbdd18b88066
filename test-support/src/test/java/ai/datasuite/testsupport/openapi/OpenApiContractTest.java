package ai.datasuite.testsupport.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The checker against a small document (src/test/resources/shop.openapi.json) that uses what SmallRye writes. */
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiContract SHOP = OpenApiContract.load("shop",
            Path.of("src/test/resources/shop.openapi.json"));
    private static final String ID = "3f1c2a9e-5d1b-4c7e-9a0f-1b2c3d4e5f60";
    private static final String ITEM = """
            {"id": "%s", "created_at": "2026-11-25T10:15:30.123456Z", "name": "lamp", "price": 12.5,
             "quantity": 3, "status": "listed", "tags": ["home"], "details": {"anything": [1, {"goes": true}]},
             "stock": {"north": 2}, "parts": [{"sku": "a-1", "weight": null}]}
            """.formatted(ID);

    @Test
    void aConformingAnswerHasNoViolations() {
        assertEquals(List.of(), SHOP.answerViolations("GET", "/api/items/" + ID + "?expand=1", 200, json(ITEM)));
        assertEquals(List.of(), SHOP.answerViolations("GET", "/api/items", 200,
                json("{\"items\": [" + ITEM + "], \"page\": 0, \"total\": 1}")));
        assertEquals(List.of(), SHOP.answerViolations("DELETE", "/api/items/" + ID, 204, null));
    }

    @Test
    void nullIsAcceptedForAnyProperty() {
        assertEquals(List.of(), SHOP.answerViolations("GET", "/api/items/" + ID, 200,
                json(ITEM.replace("12.5", "null").replace("[\"home\"]", "null"))));
    }

    @Test
    void anUndeclaredPropertyIsCaughtAlsoDeepInside() {
        List<String> top = SHOP.answerViolations("GET", "/api/items/" + ID, 200, with(ITEM, "colour", "\"red\""));
        assertEquals(1, top.size(), top::toString);
        assertTrue(top.get(0).startsWith("GET /api/items/{id} -> 200: $.colour is not a property the provider has"),
                top::toString);

        String page = "{\"items\": [" + ITEM.replace("\"sku\": \"a-1\"", "\"sku\": \"a-1\", \"colour\": \"red\"")
                + "], \"page\": 0, \"total\": 1}";
        List<String> deep = SHOP.answerViolations("GET", "/api/items", 200, json(page));
        assertEquals(1, deep.size(), deep::toString);
        assertTrue(deep.get(0).contains("$.items[0].parts[0].colour is not a property the provider has in Part"),
                deep::toString);
    }

    @Test
    void aWrongTypeIsCaught() {
        List<String> violations = SHOP.answerViolations("GET", "/api/items/" + ID, 200,
                json(ITEM.replace("\"quantity\": 3", "\"quantity\": \"3\"")
                        .replace("\"north\": 2", "\"north\": 2.5")));
        assertEquals(2, violations.size(), violations::toString);
        assertTrue(violations.get(0).endsWith("$.quantity is a string but the provider has integer"), violations::toString);
        assertTrue(violations.get(1).endsWith("$.stock.north is a number but the provider has integer"),
                violations::toString);
    }

    @Test
    void formatsAndEnumsAreChecked() {
        List<String> violations = SHOP.answerViolations("GET", "/api/items/" + ID, 200,
                json(ITEM.replace("2026-11-25T10:15:30.123456Z", "yesterday").replace("listed", "sold")));
        assertEquals(2, violations.size(), violations::toString);
        assertTrue(violations.get(0).endsWith("$.created_at is \"yesterday\", not a date-time"), violations::toString);
        assertTrue(violations.get(1).endsWith("$.status is \"sold\", not one of [\"draft\", \"listed\"]"),
                violations::toString);
    }

    @Test
    void aMissingRequiredPropertyIsCaught() {
        List<String> violations = SHOP.answerViolations("POST", "/api/items", 201,
                json(ITEM.replace("\"name\": \"lamp\", ", "")));
        assertEquals(List.of("POST /api/items -> 201: $ lacks the required property 'name' in Item"), violations);
    }

    @Test
    void anUndocumentedStatusIsCaught() {
        assertEquals(List.of("GET /api/items/{id} -> 409: status 409 is not documented for GET /api/items/{id}"
                        + " (documented: 200, 404)"),
                SHOP.answerViolations("GET", "/api/items/" + ID, 409, json("{\"type\": \"x\", \"status\": 409}")));
    }

    @Test
    void anUnknownPathOrMethodIsCaught() {
        assertEquals(List.of("GET /api/orders -> 200: shop has no path matching /api/orders"),
                SHOP.answerViolations("GET", "/api/orders", 200, json("{}")));
        assertEquals(List.of("PUT /api/items/1 -> 200: shop has no PUT operation on [/api/items/{id}]"),
                SHOP.answerViolations("PUT", "/api/items/1", 200, json("{}")));
    }

    @Test
    void aLiteralSegmentWinsOverAPathParameter() {
        assertEquals(List.of(), SHOP.answerViolations("POST", "/api/items/search", 200, json("[]")));
        assertEquals(List.of(), SHOP.answerViolations("GET", "/api/items/search", 200, json(ITEM)));
    }

    @Test
    void problemAnswersNeedTypeAndTheirStatus() {
        assertEquals(List.of(), SHOP.answerViolations("GET", "/api/items/x", 404,
                json("{\"type\": \"urn:x:not-found\", \"status\": 404, \"detail\": \"no x\"}")));
        assertEquals(List.of("GET /api/items/{id} -> 404: a problem answer carries a string 'type'",
                        "GET /api/items/{id} -> 404: a problem answer carries 'status' 404 (has 400)"),
                SHOP.answerViolations("GET", "/api/items/x", 404, json("{\"status\": 400}")));
        // An outage is not part of an operation's contract.
        assertEquals(List.of(), SHOP.answerViolations("GET", "/api/items/x", 503,
                json("{\"type\": \"urn:x:unavailable\", \"status\": 503}")));
    }

    @Test
    void aBodyWhereTheDocumentHasNoneOrAnotherMediaTypeIsCaught() {
        assertEquals(List.of("DELETE /api/items/{id} -> 204: the provider documents no answer body"),
                SHOP.answerViolations("DELETE", "/api/items/1", 204, json("{}")));
        assertEquals(List.of(), SHOP.answerViolations("GET", "/api/items/1/content", 200, "text/csv", null));
        assertEquals(List.of("GET /api/items/{id}/content -> 200: media type application/json is not documented"
                        + " (documented: text/*)"),
                SHOP.answerViolations("GET", "/api/items/1/content", 200, json("{}")));
    }

    @Test
    void anAnswerWithoutADocumentedSchemaIsReportedUnchecked() {
        OpenApiContract.Verdict verdict = SHOP.checkAnswer("POST", "/api/items/search", 200, "application/json",
                json("[1]"));
        assertEquals(List.of(), verdict.violations());
        assertEquals(List.of("POST /api/items/search -> 200 application/json"), verdict.unchecked());
        assertEquals(List.of(), SHOP.checkAnswer("GET", "/api/items/1", 200, "application/json", json(ITEM)).unchecked());
    }

    @Test
    void oneOfNeedsOneFittingAlternative() {
        assertEquals(List.of(), SHOP.answerViolations("POST", "/api/upload", 201, json("{\"receipt\": \"r-1\"}")));
        List<String> violations = SHOP.answerViolations("POST", "/api/upload", 201, json("{\"receipt\": 1}"));
        assertEquals(List.of("POST /api/upload -> 201: $ fits none of the schema's alternatives; the closest says:",
                "POST /api/upload -> 201: $.receipt is an integer but the provider has string"), violations);
    }

    @Test
    void requestsAreCheckedToo() {
        assertEquals(List.of(), SHOP.requestViolations("POST", "/api/items", json("{\"name\": \"lamp\"}")));
        assertEquals(List.of("POST /api/items (request): $ lacks the required property 'name' in ItemCreate",
                "POST /api/items (request): $.colour is not a property the provider has in ItemCreate"
                        + " (it has: name, price)",
                "POST /api/items (request): $.price is -1, below the minimum 0"),
                sorted(SHOP.requestViolations("POST", "/api/items", json("{\"colour\": \"red\", \"price\": -1}"))));
        assertEquals(List.of("POST /api/items (request): $.name is \" \", which does not match \\S"),
                SHOP.requestViolations("POST", "/api/items", json("{\"name\": \" \"}")));
        assertEquals(List.of("POST /api/items (request): the provider requires a body"),
                SHOP.requestViolations("POST", "/api/items", null));
        assertEquals(List.of("POST /api/items/search (request): the provider takes no body for POST /api/items/search"),
                SHOP.requestViolations("POST", "/api/items/search", json("{}")));
    }

    @Test
    void queryParametersMustBeTheOperationsOwn() {
        assertEquals(List.of(), SHOP.requestViolations("GET", "/api/items?page=2", null));
        assertEquals(List.of("GET /api/items (request): query parameter 'owner' is not one the provider has (it has: page)",
                        "GET /api/items (request): ?page is a string but the provider has integer"),
                SHOP.requestViolations("GET", "/api/items?owner=alice&page=two", null));
    }

    @Test
    void multipartRequestsAreCheckedByTheirJsonParts() {
        String type = "multipart/form-data; boundary=xyz";
        assertEquals(List.of(), SHOP.requestViolations("POST", "/api/upload", type,
                json("{\"metadata\": {\"user_id\": \"alice\", \"tags\": [\"a\"]}}")));
        assertEquals(List.of("POST /api/upload (request): $.metadata lacks the required property 'user_id' in Metadata",
                        "POST /api/upload (request): $.metadata.tags has 3 items, more than 2"),
                sorted(SHOP.requestViolations("POST", "/api/upload", type,
                        json("{\"metadata\": {\"tags\": [\"a\", \"b\", \"c\"]}}"))));
    }

    private static List<String> sorted(List<String> violations) {
        return violations.stream().sorted().toList();
    }

    private static JsonNode with(String object, String field, String value) {
        return json(object.substring(0, object.lastIndexOf('}')) + ", \"" + field + "\": " + value + "}");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
