package ai.datasuite.testsupport.identity;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * A REST Assured filter: a request that names no identity of its own ({@code Authorization} or {@code X-Api-Key}) is
 * sent as the admin {@value #ADMIN} with a really signed token; {@link TestIdentity#anonymous()} sends none.
 * Installed before every {@code @QuarkusTest} by {@link DefaultTestIdentity}; plain JUnit tests call {@link #install()}.
 */
public final class DefaultIdentityFilter implements Filter {

    public static final String ADMIN = "test-admin";
    private static final DefaultIdentityFilter INSTANCE = new DefaultIdentityFilter();

    private DefaultIdentityFilter() {
    }

    /** Adds the filter to REST Assured's global filters once. */
    public static void install() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

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
}
