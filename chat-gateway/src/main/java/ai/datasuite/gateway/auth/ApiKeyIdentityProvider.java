package ai.datasuite.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

import ai.datasuite.gateway.key.KeyHolder;

/** Turns an API key into the caller's identity: the key's user, its one role, and the key's id as an attribute. */
@ApplicationScoped
class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeyAuthenticator authenticator;

    ApiKeyIdentityProvider(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        KeyHolder known;
        try {
            known = authenticator.fromMemory(request.key());
        } catch (RuntimeException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        if (known != null) {
            return Uni.createFrom().item(identity(known));
        }
        return context.runBlocking(() -> identity(authenticator.authenticate(request.key())));
    }

    static SecurityIdentity identity(KeyHolder holder) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(holder.userId()))
                .addRole(holder.role())
                .addAttribute(KeyHolder.IDENTITY_ATTRIBUTE, holder.keyId())
                .build();
    }
}
