package ai.datasuite.problem.remote;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "fake")
@Path("/fake-remote")
interface FakeRemoteApi {

    @GET
    @Path("/status/{status}")
    Map<String, Object> status(@PathParam("status") int status);

    @GET
    @Path("/slow")
    Map<String, Object> slow();
}
