package ai.datasuite.inference.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** metadata-service's comment endpoints; only {@link MetadataClient} uses this, with fault tolerance around it. */
@RegisterRestClient(configKey = "metadata")
@Path("/api/v1/comments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MetadataApi {

    @POST
    RemoteComment create(NewRemoteComment comment);

    @GET
    RemoteCommentPage list(@QueryParam("user") String user,
                           @QueryParam("predicted_label") String predictedLabel,
                           @QueryParam("true_label") String trueLabel,
                           @QueryParam("labelled") Boolean labelled,
                           @QueryParam("status") String status,
                           @QueryParam("from") String from,
                           @QueryParam("to") String to,
                           @QueryParam("page") Integer page,
                           @QueryParam("size") Integer size);

    @GET
    @Path("/{num}")
    RemoteComment get(@PathParam("num") long num);

    @PUT
    @Path("/{num}/label")
    RemoteComment label(@PathParam("num") long num, LabelUpdate update);

    @POST
    @Path("/claims")
    Claims.Answer claim(Claims.Request request);

    @POST
    @Path("/results")
    Results.Answer results(Results.Request request);

    @GET
    @Path("/stats")
    RemoteStats stats(@QueryParam("from") String from, @QueryParam("to") String to);
}
