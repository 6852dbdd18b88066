package ai.datasuite.identity;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A resource to test the library through a running app: who the caller is, owner rules, propagation. */
@Path("/test")
public class WhoAmIResource {

    private final Caller caller;
    private final EchoClient echo;

    public WhoAmIResource(Caller caller, @RestClient EchoClient echo) {
        this.caller = caller;
        this.echo = echo;
    }

    @GET
    @Path("/whoami")
    public Map<String, Object> whoami() {
        return Map.of("id", caller.id(), "role", caller.role(), "admin", caller.isAdmin(),
                "via_service", caller.viaService());
    }

    @GET
    @Path("/owner")
    public Map<String, String> owner(@QueryParam("owner") String owner) {
        return Map.of("owner", caller.ownerFor(owner, "owner"));
    }

    @GET
    @Path("/admin-only")
    @RolesAllowed(Roles.ADMIN)
    public String adminOnly() {
        return "ok";
    }

    /** Calls /test/whoami through a REST client: the hop carries the caller's identity, freshly signed. */
    @GET
    @Path("/hop")
    public Map<String, Object> hop() {
        return echo.whoami();
    }

    @GET
    @Path("/authorization")
    public Map<String, String> authorization(@HeaderParam("Authorization") String authorization) {
        return Map.of("authorization", authorization == null ? "" : authorization);
    }
}
