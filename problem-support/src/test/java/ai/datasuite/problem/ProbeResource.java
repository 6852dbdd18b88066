package ai.datasuite.problem;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;

/** The endpoints the tests drive: each fails the way one mapper handles. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record Body(@NotBlank String userName, @Max(10) int sizeBytes) {
    }

    @GET
    @Path("/problem")
    public String problem() {
        throw new ProblemException(416, "range-not-satisfiable", "Range not satisfiable", "the range is past the end",
                Map.of("size_bytes", 3)).withHeader("Content-Range", "bytes */3");
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal state /var/lib/x");
    }

    @GET
    @Path("/typed")
    public int typed(@QueryParam("size") int size) {
        return size;
    }

    @POST
    @Path("/body")
    @Consumes(MediaType.APPLICATION_JSON)
    public Body body(@Valid Body body) {
        return body;
    }

    @POST
    @Path("/form")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String form(@RestForm String name) {
        return name;
    }

    @PUT
    @Path("/items/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String put(@PathParam("id") String id, String body) {
        return id;
    }

    @GET
    @Path("/items/{id}")
    public String get(@PathParam("id") String id) {
        return id;
    }
}
