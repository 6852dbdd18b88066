package ai.datasuite.gateway.product;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import ai.datasuite.gateway.support.FakeServicesResource;

/**
 * Its own fake services (the product fakes shadow ingest's files and whole prefixes of metadata, inference and
 * retrieval), and small numbers to reach the limits and batches: imports of at most 2 KiB, pages of 3 products,
 * batches of 2, one few-shot example per category.
 */
public class ProductProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.products.max-import-bytes", "2K",
                "gateway.products.page-size", "3",
                "gateway.products.index-batch", "2",
                "gateway.products.classify-batch", "2",
                "gateway.products.few-shot-per-category", "1",
                "gateway.products.similar-max-k", "5");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeServicesResource.class));
    }
}
