package ai.datasuite.metadata.rest;

/**
 * What the OpenAPI document says about identities, shared by every resource: each operation needs the bearer token
 * (security scheme {@value #SCHEME}, named by {@code quarkus.smallrye-openapi.security-scheme-name}) and answers 401
 * problem+json without a valid one (identity-support's IdentityRequired).
 */
final class IdentityDoc {

    static final String SCHEME = "identity";
    static final String UNAUTHORIZED = "No identity token, or a forged, expired or otherwise invalid one";
    static final String UNAUTHORIZED_EXAMPLE = """
            {"type": "urn:ai-data-suite:problem:unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "The identity token is invalid or has expired. Calls reach the services through chat-gateway,\
             which signs the caller's identity; send your API key there as 'X-Api-Key: <key>'."}""";

    private IdentityDoc() {
    }
}
