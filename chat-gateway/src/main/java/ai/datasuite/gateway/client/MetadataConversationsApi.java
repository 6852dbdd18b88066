package ai.datasuite.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ai.datasuite.gateway.client.MetadataConversations.Conversation;
import ai.datasuite.gateway.client.MetadataConversations.Message;
import ai.datasuite.gateway.client.MetadataConversations.NewConversation;
import ai.datasuite.gateway.client.MetadataConversations.NewMessage;

/**
 * metadata-service's conversations; only {@link MetadataConversationsClient} uses this. Every call carries an explicit
 * identity: chat also writes after the response began (a streamed answer), where no request identity is propagated.
 */
@RegisterRestClient(configKey = "metadata")
@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MetadataConversationsApi {

    @POST
    Conversation create(NewConversation conversation, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** 404 for an unknown id and for another user's conversation. */
    @GET
    @Path("/{id}")
    Conversation get(@PathParam("id") String id, @QueryParam("window") int window,
                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/{id}/messages")
    Message append(@PathParam("id") String id, NewMessage message,
                   @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
