package ai.datasuite.retrieval.client;

import ai.datasuite.identity.IdentityTokens;

/** As whom a call to another service of the suite is made. */
public enum Hop {

    /**
     * The request's caller, re-signed by this service (identity-support's IdentityPropagation), so the other service
     * applies the caller's owner rules. Without a request, IdentityPropagation signs this service's own identity.
     */
    CALLER,

    /**
     * This service itself (role {@code service}), for a read made on a shared model's behalf rather than for the
     * caller: the dataset a model was fitted on, which the model's quality test and benchmark read (they answer only
     * figures, never rows).
     */
    SERVICE;

    /** The explicit Authorization header of this hop; null lets IdentityPropagation sign the caller's. */
    String authorization(IdentityTokens tokens) {
        return this == SERVICE ? "Bearer " + tokens.mintForService() : null;
    }
}
