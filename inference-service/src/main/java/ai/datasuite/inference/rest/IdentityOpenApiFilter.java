package ai.datasuite.inference.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import ai.datasuite.problem.Problems;

/**
 * Documents what identity-support enforces on every REST endpoint: the gateway-signed identity token, and the 401
 * problem without one. One place instead of the same two annotations on every operation, so none can be forgotten.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class IdentityOpenApiFilter implements OASFilter {

    public static final String SCHEME = "suiteIdentity";
    static final String UNAUTHORIZED = "{\"type\": \"urn:ai-data-suite:problem:unauthorized\", \"title\": "
            + "\"Unauthorized\", \"status\": 401, \"detail\": \"This call needs a signed identity and carries none. "
            + "Calls reach the services through chat-gateway, which signs the caller's identity; send your API key "
            + "there as 'X-Api-Key: <key>'.\"}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("The caller's identity as chat-gateway signs it (RS256, a few minutes valid), or another "
                        + "service's hop. People never call this service directly: they send their API key to the "
                        + "gateway."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
                if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse("401")) {
                    operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse()
                            .description("No identity token, or a forged or expired one")
                            .content(OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE,
                                    OASFactory.createMediaType().examples(Map.of("unauthorized",
                                            OASFactory.createExample().value(UNAUTHORIZED))))));
                }
            }
        }
    }
}
