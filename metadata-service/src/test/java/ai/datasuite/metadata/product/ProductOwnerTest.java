package ai.datasuite.metadata.product;

import static ai.datasuite.metadata.product.ProductTestData.CATALOGS;
import static ai.datasuite.metadata.product.ProductTestData.PROBLEM;
import static ai.datasuite.metadata.product.ProductTestData.RETAIL;
import static ai.datasuite.metadata.product.ProductTestData.as;
import static ai.datasuite.metadata.product.ProductTestData.importCsv;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import ai.datasuite.metadata.TestData;
import ai.datasuite.testsupport.identity.TestIdentity;

/** A catalog is its owner's: another user gets 404 on every catalog path; an admin sees and changes it. */
@QuarkusTest
class ProductOwnerTest {

    @Test
    void anotherUsersCatalogIsNotFoundAndAnAdminSeesIt() {
        String alice = TestData.prefix() + "-alice";
        String bob = TestData.prefix() + "-bob";
        long id = importCsv(alice, RETAIL, "retail");
        Number productId = as(alice).get(CATALOGS + "/{id}/products", id).then().extract().path("items[0].id");

        for (String path : new String[] {"", "/products", "/dictionary", "/dictionary.yaml", "/schema.yaml",
                "/labels", "/parquet"}) {
            as(bob).get(CATALOGS + "/{id}" + path, id).then().statusCode(404).contentType(PROBLEM);
        }
        as(bob).get("/api/v1/products/{id}", productId).then().statusCode(404)
                .body("detail", equalTo("No product " + productId));
        as(bob).queryParam("catalog_id", id).get("/api/v1/products/categories/counts").then().statusCode(404);
        as(bob).contentType(ContentType.JSON).body(Map.of("parquet_file_id", "f-1"))
                .patch(CATALOGS + "/{id}", id).then().statusCode(404);
        as(bob).contentType(ContentType.JSON).body(Map.of("description", "mine now"))
                .put(CATALOGS + "/{id}/dictionary/title", id).then().statusCode(404);
        as(bob).contentType(ContentType.JSON).body(Map.of("mode", "zero-shot", "predictions",
                        java.util.List.of(Map.of("product_id", productId, "category", "x"))))
                .put(CATALOGS + "/{id}/predictions", id).then().statusCode(404);
        as(bob).delete(CATALOGS + "/{id}", id).then().statusCode(404);
        as(bob).get(CATALOGS).then().statusCode(200).body("total", equalTo(0));
        TestIdentity.anonymous().get(CATALOGS + "/{id}", id).then().statusCode(401);

        // The default test identity is an admin.
        given().get(CATALOGS + "/{id}", id).then().statusCode(200).body("owner", equalTo(alice));
        given().queryParam("size", 200).get(CATALOGS).then().statusCode(200).body("items.id", hasItem((int) id));
        given().get("/api/v1/products/{id}", productId).then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("parquet_file_id", "3f1c2a9e-file"))
                .patch(CATALOGS + "/{id}", id).then().statusCode(200).body("parquet_file_id", equalTo("3f1c2a9e-file"));
        as(alice).contentType(ContentType.JSON).body(Map.of()).patch(CATALOGS + "/{id}", id).then().statusCode(400);
        as(alice).get(CATALOGS).then().body("items.parquet_file_id", contains("3f1c2a9e-file"));

        as(alice).delete(CATALOGS + "/{id}", id).then().statusCode(204);
        as(alice).get(CATALOGS + "/{id}", id).then().statusCode(404);
        as(alice).get("/api/v1/products/{id}", productId).then().statusCode(404);
        as(alice).get(CATALOGS + "/{id}/products", id).then().statusCode(404);
    }
}
