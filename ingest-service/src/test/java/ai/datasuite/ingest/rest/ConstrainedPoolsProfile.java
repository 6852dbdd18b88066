package ai.datasuite.ingest.rest;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Small pools, so that exhausting one shows within a test: four S3 connections (a request waits at most 5 s for
 * one), four worker threads, two put threads.
 */
public class ConstrainedPoolsProfile implements QuarkusTestProfile {

    static final int S3_CONNECTIONS = 4;
    static final int WORKER_THREADS = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.s3.sync-client.apache.max-connections", String.valueOf(S3_CONNECTIONS),
                "quarkus.s3.sync-client.apache.connection-acquisition-timeout", "5S",
                "quarkus.thread-pool.max-threads", String.valueOf(WORKER_THREADS),
                "ingest.storage.put-threads", "2");
    }
}
