package ai.datasuite.retrieval.rest;

/**
 * Examples of the identity problems every endpoint may answer (identity-support): 401 without a valid token from the
 * gateway, 403 when a body or query names another user or the role does not allow the call.
 */
final class IdentityExamples {

    static final String UNAUTHORIZED = """
            {"type": "urn:ai-data-suite:problem:unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "This call needs a signed identity and carries none. Calls reach the services through\
             chat-gateway, which signs the caller's identity; send your API key there as 'X-Api-Key: <key>'."}""";
    static final String OTHER_OWNER = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "'owner' names another user ('bob'); you may act only as 'alice'. Leave 'owner' out to use\
             your own."}""";
    static final String NOT_ADMIN = """
            {"type": "urn:ai-data-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Your role may not make this call; it needs another role (admin or annotator)."}""";

    private IdentityExamples() {
    }
}
