package ai.datasuite.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Where the running suite (./suite start) is, read from the same environment variables the suite uses. */
final class Suite {

    static final String BUCKET = env("INGEST_STORAGE_BUCKET", "ai-data-suite");
    static final URI INGEST = URI.create("http://127.0.0.1:" + env("INGEST_PORT", "8081"));
    static final URI S3 = URI.create("http://127.0.0.1:" + env("S3_PORT", "9000"));
    static final Path DATA = Path.of(env("SUITE_DATA_DIR", ".suite-data"));

    private Suite() {
    }

    /** The same SDK and HTTP client (Apache) ingest-service uses, pointed at the same endpoint. */
    static S3Client s3() {
        return S3Client.builder()
                .endpointOverride(S3)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env("S3_ACCESS_KEY", "suite"), env("S3_SECRET_KEY", "suite-secret"))))
                .httpClient(ApacheHttpClient.create())
                // As ingest-service does (NoExpectContinueInterceptor): no "100 Continue" round trip.
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                                                            ExecutionAttributes attributes) {
                        return context.httpRequest().toBuilder().removeHeader("Expect").build();
                    }
                }))
                .build();
    }

    /** Resident set size of ingest-service in bytes, from /proc. */
    static long ingestRss() {
        try {
            String pid = Files.readString(DATA.resolve("run/ingest-service.pid")).trim();
            return Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("ingest-service's pid is not in " + DATA + "/run; start the suite first", e);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
