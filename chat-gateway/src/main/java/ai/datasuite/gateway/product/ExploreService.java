package ai.datasuite.gateway.product;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.datasuite.gateway.client.MetadataProductsClient;
import ai.datasuite.gateway.client.MetadataProductsClient.Product;
import ai.datasuite.gateway.client.PassedBody;
import ai.datasuite.gateway.client.RetrievalCollectionsClient;
import ai.datasuite.gateway.client.RetrievalCollectionsClient.Neighbour;
import ai.datasuite.gateway.config.ProductsConfig;
import ai.datasuite.identity.Caller;
import ai.datasuite.problem.ProblemException;

/**
 * Exploring a catalog through retrieval-service's collection {@code catalog-<id>}: a product's nearest neighbours,
 * the t-SNE projection coloured by true or predicted category (labels from metadata-service), and the word map; as
 * JSON, PNG or the TensorBoard Embedding Projector's zip.
 */
@ApplicationScoped
public class ExploreService {

    public static final String PNG = "image/png";
    public static final String ZIP = "application/zip";

    @Schema(name = "SimilarProduct")
    public record SimilarProduct(long productId, String title, String category, double score) {
    }

    @Schema(name = "SimilarProducts")
    public record Similar(long productId, List<SimilarProduct> neighbours) {
    }

    private final MetadataProductsClient metadata;
    private final RetrievalCollectionsClient retrieval;
    private final Signed signed;
    private final ProductsConfig config;
    private final ObjectMapper json;

    public ExploreService(MetadataProductsClient metadata, RetrievalCollectionsClient retrieval, Signed signed,
                          ProductsConfig config, ObjectMapper json) {
        this.metadata = metadata;
        this.retrieval = retrieval;
        this.signed = signed;
        this.config = config;
        this.json = json;
    }

    /** {@code k} null: 10, or fewer when {@code gateway.products.similar-max-k} is lower. */
    public Similar similar(long productId, Integer wanted, Caller caller) {
        int k = wanted == null ? Math.min(10, config.similarMaxK()) : wanted;
        if (k < 1 || k > config.similarMaxK()) {
            throw ProblemException.validation("k must be from 1 to " + config.similarMaxK()
                    + " (gateway.products.similar-max-k); it was " + k);
        }
        String auth = signed.as(caller);
        Product product = metadata.product(productId, auth)
                .orElseThrow(() -> ProblemException.notFound("No product " + productId));
        List<Neighbour> neighbours = retrieval.similar(CatalogProducts.collection(product.catalogId()),
                Long.toString(productId), k, auth).orElseThrow(() -> ProblemException.notFound("Product " + productId
                + " is not indexed (yet): its catalog's import job indexes it; see GET /api/v1/products/jobs."))
                .all();
        return new Similar(productId, neighbours.stream().map(n -> new SimilarProduct(Long.parseLong(n.id()),
                text(n, "title"), text(n, "category"), n.score())).toList());
    }

    /** {@code color}: predicted (default) or true; {@code accept}: JSON, PNG or zip. */
    public PassedBody projection(long catalogId, String color, String accept, Caller caller) {
        String source = color == null || color.isBlank() ? "predicted" : color.strip().toLowerCase(Locale.ROOT);
        if (!source.equals("predicted") && !source.equals("true")) {
            throw ProblemException.validation("color must be 'predicted' or 'true'; it was '"
                    + ProductImportService.shortened(color) + "'");
        }
        String auth = signed.as(caller);
        ObjectNode request = json.createObjectNode();
        request.set("labels", json.valueToTree(metadata.labels(catalogId, source, auth).labels()));
        return retrieval.projection(CatalogProducts.collection(catalogId), request, accept, auth);
    }

    public PassedBody wordMap(long catalogId, Integer words, String accept, Caller caller) {
        String auth = signed.as(caller);
        // The catalog's owner rules are metadata's: its 404 keeps other users' collections out of reach.
        metadata.catalog(catalogId, auth).orElseThrow(() -> ProblemException.notFound("No product catalog "
                + catalogId));
        ObjectNode request = json.createObjectNode();
        if (words != null) {
            request.put("words", words);
        }
        return retrieval.wordMap(CatalogProducts.collection(catalogId), request, accept, auth);
    }

    /** The Accept sent to retrieval: the given format, else the caller's Accept (PNG or zip), else JSON. */
    public static String accept(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> "application/json";
                case "png" -> PNG;
                case "zip" -> ZIP;
                default -> throw ProblemException.validation("format must be json or png; it was '"
                        + ProductImportService.shortened(format) + "'");
            };
        }
        if (accept != null) {
            int png = accept.indexOf(PNG);
            int zip = accept.indexOf(ZIP);
            int any = accept.indexOf("json");
            if (png >= 0 && (any < 0 || png < any)) {
                return PNG;
            }
            if (zip >= 0 && (any < 0 || zip < any)) {
                return ZIP;
            }
        }
        return "application/json";
    }

    private static String text(Neighbour n, String key) {
        Object value = n.payload() == null ? null : n.payload().get(key);
        return value == null ? null : value.toString();
    }
}
