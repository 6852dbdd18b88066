package ai.datasuite.gateway.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.gateway.client.MetadataProductsClient;
import ai.datasuite.gateway.client.MetadataProductsClient.Product;
import ai.datasuite.gateway.client.MetadataProductsClient.ProductPage;
import ai.datasuite.gateway.client.RetrievalCollectionsClient;
import ai.datasuite.gateway.client.RetrievalCollectionsClient.Item;
import ai.datasuite.gateway.config.ProductsConfig;
import ai.datasuite.gateway.document.Acting;

/** Reads a catalog's products page by page (row order) and indexes them into its retrieval collection. */
@ApplicationScoped
public class CatalogProducts {

    private final MetadataProductsClient metadata;
    private final RetrievalCollectionsClient retrieval;
    private final Signed signed;
    private final ProductsConfig config;

    public CatalogProducts(MetadataProductsClient metadata, RetrievalCollectionsClient retrieval, Signed signed,
                           ProductsConfig config) {
        this.metadata = metadata;
        this.retrieval = retrieval;
        this.signed = signed;
        this.config = config;
    }

    /** The retrieval collection of a catalog's products. */
    public static String collection(long catalogId) {
        return "catalog-" + catalogId;
    }

    /** Every product of the catalog, page by page ({@code gateway.products.page-size}), optionally of one category. */
    void forEachPage(long catalogId, String category, Acting acting, Consumer<List<Product>> page) {
        int size = Math.min(config.pageSize(), 500);
        for (int number = 0; ; number++) {
            ProductPage products = metadata.products(catalogId, number, size, category, signed.as(acting));
            if (!products.all().isEmpty()) {
                page.accept(products.all());
            }
            if (products.all().size() < size || (long) (number + 1) * size >= products.total()) {
                return;
            }
        }
    }

    /** Upserts the catalog's products into {@code catalog-<id>} in batches of {@code gateway.products.index-batch}. */
    void index(ProductJob job) {
        Acting acting = job.owner();
        String collection = collection(job.catalogId());
        forEachPage(job.catalogId(), null, acting, products -> {
            for (int from = 0; from < products.size(); from += config.indexBatch()) {
                List<Item> items = new ArrayList<>();
                for (Product p : products.subList(from, Math.min(products.size(), from + config.indexBatch()))) {
                    Map<String, Object> payload = new java.util.LinkedHashMap<>();
                    payload.put("title", p.title());
                    payload.put("category", p.category());
                    items.add(new Item(Long.toString(p.id()), p.text(), payload));
                }
                retrieval.upsert(collection, items, signed.as(acting));
                job.progress(items.size());
            }
        });
    }
}
