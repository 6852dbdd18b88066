package ai.datasuite.gateway.product;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import io.restassured.path.json.JsonPath;

import ai.datasuite.gateway.config.Upstream;
import ai.datasuite.gateway.key.ApiKeys;
import ai.datasuite.gateway.support.FakeClassify;
import ai.datasuite.gateway.support.FakeCollections;
import ai.datasuite.gateway.support.FakeProductFiles;
import ai.datasuite.gateway.support.FakeProducts;
import ai.datasuite.gateway.support.FakeServices;
import ai.datasuite.gateway.support.Gateway;

/** The product fakes plugged into a set of fake services once, and the keys of two users. */
record ProductFakes(FakeProducts metadata, FakeClassify inference, FakeCollections retrieval,
                    FakeProductFiles files, String pia, String otto) {

    static final Set<String> ENDED = Set.of("succeeded", "failed");
    private static final Map<FakeServices, ProductFakes> PLUGGED = Collections.synchronizedMap(new WeakHashMap<>());

    static ProductFakes plug(FakeServices fakes) {
        return PLUGGED.computeIfAbsent(fakes, f -> {
            ProductFakes plugged = new ProductFakes(new FakeProducts(), new FakeClassify(), new FakeCollections(),
                    new FakeProductFiles(), ApiKeys.generate(), ApiKeys.generate());
            f.get(Upstream.METADATA).serve(FakeProducts.PREFIX, plugged.metadata());
            f.get(Upstream.INFERENCE).serve(FakeClassify.PREFIX, plugged.inference());
            f.get(Upstream.RETRIEVAL).serve(FakeCollections.PREFIX, plugged.retrieval());
            f.get(Upstream.INGEST).serve(FakeProductFiles.PREFIX, plugged.files());
            f.keys.seed(plugged.pia(), "pia", "user");
            f.keys.seed(plugged.otto(), "otto", "user");
            return plugged;
        });
    }

    /** Polls the job as {@code key} until it ended (10 s at most). */
    static JsonPath awaitEnd(String key, String jobId) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonPath job = null;
        while (System.nanoTime() < deadline) {
            job = Gateway.withKey(key).get("/api/v1/products/jobs/" + jobId).then().statusCode(200).extract()
                    .jsonPath();
            if (ENDED.contains(job.getString("status"))) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("The job " + jobId + " did not end; last seen " + (job == null ? null : job.prettify()));
    }
}
