package ai.datasuite.gateway.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;

import ai.datasuite.gateway.openapi.PublicConventions.SourceStatus;
import ai.datasuite.gateway.openapi.UpstreamDocuments.Snapshot;
import ai.datasuite.gateway.proxy.RouteTable;

/**
 * The public document: the gateway's own (its JAX-RS resources, e.g. /api/v1/keys, as its smallrye-openapi built
 * it, served internally at {@code quarkus.smallrye-openapi.path}) merged with the public part of every service's
 * (the paths the proxy's {@link RouteTable} routes to it), plus the gateway's conventions. Built again only when a
 * service's document (or its fetch's outcome) changed.
 */
@ApplicationScoped
public class PublicOpenApi {

    /** The gateway's own part, named in x-suite-sources. */
    static final String GATEWAY = "chat-gateway";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    /** One build of the document, in both formats, and the snapshots it was built from. */
    public record Rendered(List<Snapshot> inputs, byte[] json, byte[] yaml) {
    }

    private final PublicOpenApiConfig config;
    private final UpstreamDocuments upstreams;
    private final OpenApiDocumentService ownDocument;
    private Rendered rendered;

    public PublicOpenApi(PublicOpenApiConfig config, UpstreamDocuments upstreams, OpenApiDocumentService ownDocument) {
        this.config = config;
        this.upstreams = upstreams;
        this.ownDocument = ownDocument;
    }

    /** The current document; fetches the services' documents that are due first. */
    public synchronized Rendered current() {
        List<Snapshot> inputs = upstreams.current();
        if (rendered == null || !rendered.inputs().equals(inputs)) {
            ObjectNode document = build(inputs);
            try {
                rendered = new Rendered(inputs, JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(document), YAML.writeValueAsBytes(document));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rendered;
    }

    private ObjectNode build(List<Snapshot> snapshots) {
        List<Source> sources = new ArrayList<>();
        List<SourceStatus> statuses = new ArrayList<>();
        sources.add(Source.conventions(PublicConventions.components()));
        sources.add(Source.gateway(GATEWAY, gatewayDocument()));
        statuses.add(new SourceStatus(GATEWAY, true, null, null));
        for (Snapshot snapshot : snapshots) {
            boolean included = snapshot.document() != null;
            if (included) {
                sources.add(Source.service(snapshot.upstream().service(), snapshot.document(),
                        RouteTable.prefixesOf(snapshot.upstream())));
            }
            statuses.add(new SourceStatus(snapshot.upstream().service(), included,
                    included ? snapshot.fetchedAt().toString() : null, snapshot.problem()));
        }
        return PublicConventions.apply(OpenApiMerge.merge(sources), config, statuses);
    }

    /** The gateway's own document as smallrye-openapi built it (at build time; it does not change). */
    private ObjectNode gatewayDocument() {
        byte[] json = ownDocument.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON);
        try {
            JsonNode document = json == null || json.length == 0 ? null : JSON.readTree(json);
            return document instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException("the gateway's own OpenAPI document is unreadable", e);
        }
    }
}
