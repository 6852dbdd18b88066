package ai.datasuite.gateway.client;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.datasuite.gateway.client.MetadataConversations.Conversation;
import ai.datasuite.gateway.client.MetadataConversations.Message;
import ai.datasuite.gateway.client.MetadataConversations.NewConversation;
import ai.datasuite.gateway.client.MetadataConversations.NewMessage;
import ai.datasuite.identity.IdentityTokens;
import ai.datasuite.problem.remote.RemoteCall;
import ai.datasuite.problem.remote.RemoteCalls;
import ai.datasuite.problem.remote.RemoteDependency;
import ai.datasuite.problem.remote.RemoteNotReachedException;
import ai.datasuite.problem.remote.RemoteRejectedException;

/**
 * metadata-service's chat memory behind timeout, retry and circuit breaker (numbers in application.properties,
 * {@code quarkus.fault-tolerance."ai.datasuite.gateway.client.MetadataConversationsClient"...}). Reads are retried;
 * creates and appends only when they certainly never arrived (a replayed append would store a message twice). Each
 * call signs {@code user, role}: the chat's caller, also after a streamed response began.
 */
@ApplicationScoped
@RemoteCall
@Timeout
@Retry(abortOn = RemoteRejectedException.class)
@CircuitBreaker(skipOn = RemoteRejectedException.class)
public class MetadataConversationsClient extends RemoteDependency {

    public static final String SERVICE = "metadata-service";

    private final MetadataConversationsApi api;
    private final IdentityTokens tokens;

    public MetadataConversationsClient(@RestClient MetadataConversationsApi api, IdentityTokens tokens,
                                       @ConfigProperty(name = "quarkus.rest-client.metadata.url") String baseUrl) {
        super(SERVICE, baseUrl);
        this.api = api;
        this.tokens = tokens;
    }

    @Retry(retryOn = RemoteNotReachedException.class, abortOn = RemoteRejectedException.class)
    public Conversation create(NewConversation conversation, String user, String role) {
        return RemoteCalls.call(this, () -> api.create(conversation, bearer(user, role)));
    }

    /** The conversation with its last {@code window} messages; empty when unknown or another user's. */
    public Optional<Conversation> get(String id, int window, String user, String role) {
        return RemoteCalls.absentOn404(this, () -> api.get(id, window, bearer(user, role)));
    }

    @Retry(retryOn = RemoteNotReachedException.class, abortOn = RemoteRejectedException.class)
    public Message append(String conversationId, NewMessage message, String user, String role) {
        return RemoteCalls.call(this, () -> api.append(conversationId, message, bearer(user, role)));
    }

    private String bearer(String user, String role) {
        return "Bearer " + tokens.mint(user, role);
    }
}
