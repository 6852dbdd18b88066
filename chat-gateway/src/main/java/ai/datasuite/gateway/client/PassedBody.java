package ai.datasuite.gateway.client;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A service's answer passed to the public API as it came: its bytes and content type (JSON, YAML, PNG, zip). */
public record PassedBody(byte[] body, String contentType) {

    /** Reads and closes {@code response}; a missing content type is taken for JSON. */
    public static PassedBody of(Response response) {
        try (response) {
            String type = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
            byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
            return new PassedBody(body, type == null ? MediaType.APPLICATION_JSON : type);
        }
    }

    /** 200 with these bytes and their type. */
    public Response ok() {
        return Response.ok(body).type(contentType).build();
    }
}
