package ai.datasuite.gateway.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Requests to the gateway under test with an API key (the bootstrap admin's, from %test application.properties). */
public final class Gateway {

    /** {@code %test.gateway.keys.admin-key}. */
    public static final String ADMIN_KEY = "ads_test_bootstrap_admin_key";

    private Gateway() {
    }

    public static RequestSpecification withKey(String key) {
        return RestAssured.given().header("X-Api-Key", key);
    }

    public static RequestSpecification asAdmin() {
        return withKey(ADMIN_KEY);
    }
}
