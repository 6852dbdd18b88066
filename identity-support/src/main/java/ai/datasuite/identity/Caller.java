package ai.datasuite.identity;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

import ai.datasuite.problem.ProblemException;

/**
 * The verified caller of the current request: the user and role come from the token only, never from a body,
 * query or header. Holds the owner rules every service applies the same way: a user acts on their own data, an
 * admin (or another service of the suite) on anyone's.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final IdentityConfig config;

    public Caller(SecurityIdentity identity, IdentityConfig config) {
        this.identity = identity;
        this.config = config;
    }

    /** The user id (or, for {@link Roles#SERVICE}, the service's name). */
    public String id() {
        return identity.getPrincipal().getName();
    }

    public String role() {
        return roleOf(identity);
    }

    static String roleOf(SecurityIdentity identity) {
        for (String role : new String[] {Roles.ADMIN, Roles.SERVICE, Roles.ANNOTATOR, Roles.USER}) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        return Roles.USER;
    }

    /** The service that signed this caller's token (its {@code azp}): the gateway for people's calls. */
    public String signedBy() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("azp") : null;
    }

    /**
     * True when the call comes from another service of the suite (a hop made for a caller, or background work), not
     * straight from the gateway: internal endpoints (object keys, claims, key lookups) accept only these.
     */
    public boolean viaService() {
        if (identity.hasRole(Roles.SERVICE)) {
            return true;
        }
        String signer = signedBy();
        return signer != null && !signer.equals(config.gatewayName());
    }

    /** 403 unless {@link #viaService()}: for endpoints only the suite's services call. */
    public void requireService(String what) {
        if (!viaService()) {
            throw forbidden(what + " is internal to the suite; services call it, people do not.");
        }
    }

    /** Admins and the suite's services see and change everyone's data. */
    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.SERVICE);
    }

    public boolean isAnnotator() {
        return isAdmin() || identity.hasRole(Roles.ANNOTATOR);
    }

    public boolean canSee(String owner) {
        return isAdmin() || id().equals(owner);
    }

    /**
     * The owner a request acts for: the caller when {@code requested} is left out, {@code requested} when it is the
     * caller or the caller is an admin; otherwise 403, naming the field.
     */
    public String ownerFor(String requested, String field) {
        if (requested == null || requested.isBlank()) {
            return id();
        }
        if (isAdmin() || requested.equals(id())) {
            return requested;
        }
        throw new ProblemException(403, ProblemException.FORBIDDEN, "Forbidden",
                "'" + field + "' names another user ('" + requested + "'); you may act only as '" + id()
                        + "'. Leave '" + field + "' out to use your own.");
    }

    /**
     * The owner filter of a listing: everyone's (null) for an admin who names nobody, else {@link #ownerFor}.
     */
    public String ownerFilter(String requested, String field) {
        if (isAdmin() && (requested == null || requested.isBlank())) {
            return null;
        }
        return ownerFor(requested, field);
    }

    public void requireAdmin(String what) {
        if (!isAdmin()) {
            throw forbidden(what + " needs the admin role; your key has the role '" + role() + "'.");
        }
    }

    public void requireAnnotator(String what) {
        if (!isAnnotator()) {
            throw forbidden(what + " needs the annotator or admin role; your key has the role '" + role() + "'.");
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(403, ProblemException.FORBIDDEN, "Forbidden", detail);
    }
}
