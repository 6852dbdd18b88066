package ai.datasuite.testsupport.identity;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Before every {@code @QuarkusTest}: a REST Assured request that names no identity of its own is sent as the
 * admin {@value #ADMIN} with a really signed token, so the services' existing tests run through real verification.
 * Tests of owner rules use {@link TestIdentity#as}; tests of refusals use {@link TestIdentity#anonymous()} or a
 * forged or expired token.
 */
public class DefaultTestIdentity implements QuarkusTestBeforeEachCallback {

    public static final String ADMIN = "test-admin";

    static final Filter FILTER = new Filter() {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            if (request.getHeaders().hasHeaderWithName(TestIdentity.NO_IDENTITY)) {
                request.removeHeader(TestIdentity.NO_IDENTITY);
            } else if (!request.getHeaders().hasHeaderWithName("Authorization")
                    && !request.getHeaders().hasHeaderWithName("X-Api-Key")) {
                request.header("Authorization", "Bearer " + TestIdentity.token(ADMIN, "admin"));
            }
            return context.next(request, response);
        }
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }
}
