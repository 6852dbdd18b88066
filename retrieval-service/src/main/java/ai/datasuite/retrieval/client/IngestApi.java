package ai.datasuite.retrieval.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** ingest-service's file endpoints; only {@link IngestClient} uses this, with fault tolerance around it. */
@RegisterRestClient(configKey = "ingest")
@Path("/api/v1/files")
interface IngestApi {

    /** Multipart {@code file} + {@code metadata} JSON {user_id, data_type, tags?}; 201 new, 200 same bytes again. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    RestResponse<StoredFile> upload(ClientMultipartForm form);

    /** {@code authorization} null: the caller's identity (IdentityPropagation); else this explicit one. */
    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    byte[] content(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @DELETE
    @Path("/{id}")
    void delete(@PathParam("id") String id);
}
