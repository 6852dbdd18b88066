package ai.datasuite.gateway.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import ai.datasuite.gateway.client.MetadataDocumentsClient.DocumentPage;
import ai.datasuite.gateway.client.MetadataDocumentsClient.DocumentPatch;
import ai.datasuite.gateway.client.MetadataDocumentsClient.NewDocument;
import ai.datasuite.gateway.client.MetadataDocumentsClient.StoredDocument;

/** metadata-service's document records (owner-checked there); only {@link MetadataDocumentsClient} uses this. */
@RegisterRestClient(configKey = "metadata")
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MetadataDocumentsApi {

    /** 201 new, 200 the same owner's existing document for that file. */
    @POST
    RestResponse<StoredDocument> create(NewDocument document,
                                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    DocumentPage list(@QueryParam("owner") String owner, @QueryParam("status") String status,
                      @QueryParam("page") int page, @QueryParam("size") int size,
                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** The documents of these files (at most 50 ids; metadata-service's limit). */
    @GET
    DocumentPage ofFiles(@QueryParam("owner") String owner, @QueryParam("file_id") List<String> fileIds,
                         @QueryParam("size") int size, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{id}")
    StoredDocument get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @PATCH
    @Path("/{id}")
    StoredDocument update(@PathParam("id") String id, DocumentPatch patch,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @DELETE
    @Path("/{id}")
    void delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
