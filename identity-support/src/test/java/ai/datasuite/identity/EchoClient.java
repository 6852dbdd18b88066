package ai.datasuite.identity;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "echo")
@Path("/test")
public interface EchoClient {

    @GET
    @Path("/whoami")
    Map<String, Object> whoami();
}
