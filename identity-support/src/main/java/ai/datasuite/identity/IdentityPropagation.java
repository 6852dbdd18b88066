package ai.datasuite.identity;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Signs an identity onto every REST client call a service makes (a global client filter): the current caller's
 * when the call is made for a request, so the service that owns the data applies the caller's owner rules; the
 * service's own ({@link Roles#SERVICE}) for background work. A fresh token per hop: a forwarded one could expire
 * during a long upload.
 */
@Provider
public class IdentityPropagation implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            return; // the caller set one explicitly (e.g. the gateway's proxy)
        }
        IdentityTokens tokens = Arc.container().instance(IdentityTokens.class).get();
        SecurityIdentity caller = currentCaller();
        String token;
        if (caller == null) {
            token = tokens.mintForService();
        } else {
            token = tokens.mint(caller.getPrincipal().getName(), Caller.roleOf(caller));
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private static SecurityIdentity currentCaller() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return null;
        }
        var association = Arc.container().instance(CurrentIdentityAssociation.class);
        if (!association.isAvailable()) {
            return null;
        }
        SecurityIdentity identity = association.get().getIdentity();
        return identity == null || identity.isAnonymous() ? null : identity;
    }
}
