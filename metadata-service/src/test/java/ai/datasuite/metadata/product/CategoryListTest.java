package ai.datasuite.metadata.product;

import static ai.datasuite.metadata.product.ProductTestData.PROBLEM;
import static ai.datasuite.metadata.product.ProductTestData.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import ai.datasuite.metadata.TestData;

/** Category lists: the built-in default (read-only), each caller's own lists, admins see all. */
@QuarkusTest
class CategoryListTest {

    private static final String LISTS = "/api/v1/products/category-lists";

    @Test
    void theDefaultListIsTheSeedsEightAndCannotChange() {
        String alice = TestData.prefix() + "-alice";
        as(alice).get(LISTS).then().statusCode(200)
                .body("items[0].name", equalTo("default"))
                .body("items[0].builtin", equalTo(true))
                .body("items[0].owner", nullValue())
                .body("items[0].categories.name", contains("Health, Beauty", "Electronics, Computers",
                        "Home and Kitchen", "Clothing", "Sports", "Office", "Movies, Music", "Books"))
                .body("items[0].categories[3].description", equalTo(
                        "clothing, shoes and fashion accessories such as shirts, dresses, bags and jewelry"));
        as(alice).get(LISTS + "/default").then().statusCode(200).body("categories.size()", equalTo(8));
        as(alice).contentType(ContentType.JSON).body(body("a", "b")).put(LISTS + "/default").then()
                .statusCode(409).contentType(PROBLEM);
        as(alice).delete(LISTS + "/default").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void ownListsAreSavedReplacedAndDeleted() {
        String alice = TestData.prefix() + "-alice";
        String bob = TestData.prefix() + "-bob";
        as(alice).contentType(ContentType.JSON)
                .body(Map.of("categories", List.of(Map.of("name", "apparel"),
                        Map.of("name", "footwear", "description", "shoes and boots"))))
                .put(LISTS + "/retail").then().statusCode(200)
                .body("name", equalTo("retail")).body("builtin", equalTo(false)).body("owner", equalTo(alice))
                .body("categories.name", contains("apparel", "footwear"))
                .body("categories[0].description", nullValue())
                .body("categories[1].description", equalTo("shoes and boots"));
        as(alice).contentType(ContentType.JSON).body(body("apparel", "footwear", "jewelry"))
                .put(LISTS + "/retail").then().statusCode(200).body("categories.size()", equalTo(3));
        as(alice).get(LISTS + "/retail").then().statusCode(200).body("categories.name",
                contains("apparel", "footwear", "jewelry"));
        as(alice).get(LISTS).then().body("items.name", contains("default", "retail"));

        as(bob).get(LISTS + "/retail").then().statusCode(404).contentType(PROBLEM);
        as(bob).get(LISTS).then().body("items.name", contains("default"));
        as(bob).delete(LISTS + "/retail").then().statusCode(404);
        given().get(LISTS).then().statusCode(200).body("items.owner", hasItem(alice));
        given().get(LISTS + "/retail").then().statusCode(200);

        as(alice).delete(LISTS + "/retail").then().statusCode(204);
        as(alice).get(LISTS + "/retail").then().statusCode(404);
        as(alice).get(LISTS).then().body("items.name", not(hasItem("retail")));
    }

    @Test
    void badListsAreRefused() {
        String alice = TestData.prefix() + "-alice";
        as(alice).contentType(ContentType.JSON).body(body("only")).put(LISTS + "/x").then().statusCode(400);
        as(alice).contentType(ContentType.JSON).body(body("a", "a")).put(LISTS + "/x").then().statusCode(400)
                .body("errors[0].field", equalTo("categories"));
        as(alice).contentType(ContentType.JSON).body(body("a", "c".repeat(101))).put(LISTS + "/x").then()
                .statusCode(400);
        as(alice).contentType(ContentType.JSON).body(body("a", " ")).put(LISTS + "/x").then().statusCode(400);
        String[] tooMany = new String[101];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = "c" + i;
        }
        as(alice).contentType(ContentType.JSON).body(body(tooMany)).put(LISTS + "/x").then().statusCode(400);
        as(alice).contentType(ContentType.JSON).body(body("a", "b")).put(LISTS + "/-bad").then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        as(alice).get(LISTS).then().body("items.name", contains("default"));
    }

    private static Map<String, Object> body(String... names) {
        List<Map<String, Object>> categories = new ArrayList<>();
        for (String name : names) {
            categories.add(Map.of("name", name));
        }
        return Map.of("categories", categories);
    }
}
