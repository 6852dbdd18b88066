package ai.datasuite.gateway.product;

import jakarta.inject.Singleton;

import ai.datasuite.gateway.document.Acting;
import ai.datasuite.identity.Caller;
import ai.datasuite.identity.IdentityTokens;

/**
 * The Authorization header of a call made for someone: the services apply that user's owner rules. Jobs outlive
 * their request, so every call signs its identity explicitly (a fresh token per call).
 */
@Singleton
public class Signed {

    private final IdentityTokens tokens;

    public Signed(IdentityTokens tokens) {
        this.tokens = tokens;
    }

    public String as(Acting acting) {
        return "Bearer " + tokens.mint(acting.user(), acting.role());
    }

    public String as(Caller caller) {
        return as(Acting.of(caller));
    }
}
