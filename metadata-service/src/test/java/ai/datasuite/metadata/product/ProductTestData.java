package ai.datasuite.metadata.product;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.restassured.specification.RequestSpecification;

import ai.datasuite.identity.Roles;
import ai.datasuite.testsupport.identity.TestIdentity;

/** Fixtures of the product tests: the 60-row retail excerpt and the 48 real Flipkart rows. */
final class ProductTestData {

    static final String CATALOGS = "/api/v1/products/catalogs";
    static final String RETAIL = "products/retail-demo-60.csv";
    static final String FLIPKART = "products/flipkart_com-ecommerce_sample_first48.csv";
    static final String FLIPKART_MAPPING = "{\"title\":\"product_name\",\"description\":\"description\","
            + "\"category\":\"product_category_tree\",\"price\":\"retail_price\",\"id\":\"uniq_id\"}";
    static final String PROBLEM = "application/problem+json";

    private ProductTestData() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = ProductTestData.class.getResourceAsStream("/" + resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RequestSpecification as(String user) {
        return TestIdentity.as(user, Roles.USER);
    }

    /** Imports a CSV fixture as {@code user} under {@code name} (mapping detected) and answers the catalog id. */
    static long importCsv(String user, String resource, String name) {
        Number id = as(user).contentType("text/csv").body(bytes(resource))
                .queryParam("name", name).queryParam("source_name", resource.substring(resource.indexOf('/') + 1))
                .post(CATALOGS).then().statusCode(201).extract().path("id");
        return id.longValue();
    }
}
