package ai.datasuite.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import ai.datasuite.identity.IdentityTokens;

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
    static final URI GATEWAY = URI.create("http://127.0.0.1:" + env("GATEWAY_PORT", "8080"));
    static final URI INFERENCE = URI.create("http://127.0.0.1:" + env("INFERENCE_PORT", "8083"));
    static final URI S3 = URI.create("http://127.0.0.1:" + env("S3_PORT", "9000"));
    static final Path DATA = Path.of(env("SUITE_DATA_DIR", ".suite-data"));

    private static volatile String bearer;

    private Suite() {
    }

    /**
     * A request to a service as the suite's services take them: with a signed identity ({@code Authorization:
     * Bearer}), here an admin "benchmark" minted with the suite's own signing key from {@code .suite-data/secrets}
     * (the benchmarks measure the services themselves, not the gateway in front of them).
     */
    static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", bearer());
    }

    static String bearer() {
        if (bearer == null) {
            Path pem = DATA.resolve("secrets/identity-private.pem");
            try {
                String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                PrivateKey key = KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
                bearer = "Bearer " + IdentityTokens.sign(IdentityTokens.claims(env("SUITE_IDENTITY_ISSUER",
                        "ai-data-suite"), "benchmark", "admin", Duration.ofHours(1), "benchmarks"), key);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign an identity with " + pem + "; start the suite first", e);
            }
        }
        return bearer;
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
        return rss("ingest-service");
    }

    /** Resident set size of a service ./suite started, in bytes, from /proc. */
    static long rss(String service) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid(service)), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pid of a process ./suite started (a service or s3proxy), from its pid file. */
    static long pid(String name) {
        try {
            return Long.parseLong(Files.readString(DATA.resolve("run/" + name + ".pid")).trim());
        } catch (IOException e) {
            throw new IllegalStateException(name + "'s pid is not in " + DATA + "/run; start the suite first", e);
        }
    }

    /** The gateway's bootstrap admin key: SUITE_ADMIN_KEY, else the one ./suite made. */
    static String adminKey() {
        String key = System.getenv("SUITE_ADMIN_KEY");
        if (key != null && !key.isBlank()) {
            return key;
        }
        try {
            return Files.readString(DATA.resolve("secrets/admin-key")).trim();
        } catch (IOException e) {
            throw new IllegalStateException("no admin key in " + DATA + "/secrets; start the suite first", e);
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
