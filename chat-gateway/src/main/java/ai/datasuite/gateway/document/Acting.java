package ai.datasuite.gateway.document;

import ai.datasuite.identity.Caller;

/** Whose identity a call to a service carries: the caller of a request, also for the work that outlives it. */
public record Acting(String user, String role) {

    public static Acting of(Caller caller) {
        return new Acting(caller.id(), caller.role());
    }
}
