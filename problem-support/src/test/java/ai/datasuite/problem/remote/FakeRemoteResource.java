package ai.datasuite.problem.remote;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Plays "the other service": answers the status it is asked for, as a problem, or slowly. */
@Path("/fake-remote")
public class FakeRemoteResource {

    @GET
    @Path("/status/{status}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("status") int status) {
        if (status == 200) {
            return Response.ok(Map.of("name", "thing")).build();
        }
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "urn:x", "title", "t", "status", status, "detail", "remote says " + status,
                        "errors", java.util.List.of(Map.of("field", "name", "message", "must not be blank"))))
                .build();
    }

    @GET
    @Path("/slow")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> slow() throws InterruptedException {
        Thread.sleep(6_000);
        return Map.of("name", "late");
    }
}
