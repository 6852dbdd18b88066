package ai.datasuite.testsupport.identity;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Before every {@code @QuarkusTest}: REST Assured requests that name no identity go as the admin
 * {@value DefaultIdentityFilter#ADMIN} with a really signed token ({@link DefaultIdentityFilter}), so the services'
 * tests run through real verification. Tests of owner rules use {@link TestIdentity#as}; tests of refusals use
 * {@link TestIdentity#anonymous()} or a forged or expired token.
 */
public class DefaultTestIdentity implements QuarkusTestBeforeEachCallback {

    /** The default test identity's user id. */
    public static final String ADMIN = DefaultIdentityFilter.ADMIN;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        DefaultIdentityFilter.install();
    }
}
