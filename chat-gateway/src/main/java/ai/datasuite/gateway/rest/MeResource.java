package ai.datasuite.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.datasuite.identity.Caller;
import ai.datasuite.problem.Problems;

/** Who the key belongs to: how a client (the web console's sign-in) checks a key and learns its role. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Keys", description = "API keys and their roles (admin only). A key is shown once, when it is created.")
public class MeResource {

    /** The caller as the key names them. */
    public record Me(String userId, String role) {
    }

    private final Caller caller;

    public MeResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Who am I", description = "The user and role of the key sent. Any valid key may ask; the web"
            + " console signs in with it.")
    @APIResponse(responseCode = "200", description = "The key's user and role",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "annotator", value = "{\"user_id\": \"anna\", \"role\": \"annotator\"}")))
    @APIResponse(responseCode = "401", description = "No key, or an unknown or revoked one",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Me me() {
        return new Me(caller.id(), caller.role());
    }
}
