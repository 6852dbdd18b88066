package ai.datasuite.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import ai.datasuite.gateway.console.ConsolePage;
import ai.datasuite.problem.ProblemException;

/**
 * The web console's HTML pages (Qute). They need no key and carry no data: each page's script signs in with the key
 * from the browser session and calls the public API (see {@link ConsolePage}). Not part of the API's OpenAPI.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    private final io.quarkus.qute.Engine engine;
    private final Template signIn;

    public ConsoleResource(io.quarkus.qute.Engine engine, @Location("console/sign-in.html") Template signIn) {
        this.engine = engine;
        this.signIn = signIn;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance signIn() {
        return signIn.data("pages", ConsolePage.all()).data("page", null);
    }

    @GET
    @Path("/{page:[a-z]+}")
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("page") String path) {
        ConsolePage page = ConsolePage.byPath(path).orElseThrow(() -> ProblemException.notFound(
                "No console page '" + path + "'. The console starts at /."));
        return engine.getTemplate("console/" + page.path() + ".html")
                .data("pages", ConsolePage.all()).data("page", page);
    }
}
