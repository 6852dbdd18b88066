package ai.datasuite.gateway.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented to a REST endpoint, on its way to {@link ApiKeyIdentityProvider}. */
class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
