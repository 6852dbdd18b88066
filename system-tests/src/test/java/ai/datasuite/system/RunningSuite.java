package ai.datasuite.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;

import ai.datasuite.testsupport.identity.DefaultIdentityFilter;
import ai.datasuite.testsupport.identity.TestIdentity;

/**
 * The packaged services as separate processes on free ports, with S3Proxy in this JVM on a temporary folder: the
 * same arrangement as `./suite start`, built by the reactor just before these tests. metadata-service and
 * ingest-service always run; a test class starts inference-service and retrieval-service when it needs them.
 */
final class RunningSuite implements AutoCloseable {

    static final String ACCESS_KEY = "system-access";
    static final String SECRET_KEY = "system-secret";
    /**
     * JVM options of every service process but retrieval-service: the processes live for one test class, so C1 alone
     * and the serial collector cost far less CPU than they lose in speed. retrieval-service keeps C2, which its
     * scoring loops need.
     */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** How long a started service may take to be ready; a busy machine may need more (-Dsystem-tests.ready-seconds). */
    static final int READY_SECONDS = Integer.getInteger("system-tests.ready-seconds", 120);

    final Path dataDir;
    final S3Proxy s3;
    final int metadataPort;
    final int ingestPort;
    private final List<Process> processes = new ArrayList<>();
    /** How each named process was started, so that it can be killed and started again the same way. */
    private final Map<String, Launch> launches = new ConcurrentHashMap<>();
    private final Map<String, Process> current = new ConcurrentHashMap<>();
    /** JVM options every service process gets (e.g. -Xmx for the load test). */
    private final List<String> jvmOptions;
    private Process metadata;

    RunningSuite() throws Exception {
        this(List.of(), List.of());
    }

    /**
     * A suite whose every service JVM gets {@code jvmOptions} (before the jar) and whose ingest-service also gets
     * {@code ingestOptions} (e.g. a small worker pool or a fast reconciler).
     */
    RunningSuite(List<String> jvmOptions, List<String> ingestOptions) throws Exception {
        this.jvmOptions = List.copyOf(jvmOptions);
        dataDir = Files.createTempDirectory("suite-system");
        s3 = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(Files.createDirectories(dataDir.resolve("s3")).toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        s3.start();
        while (!"STARTED".equals(s3.getState())) {
            Thread.sleep(10);
        }
        metadataPort = freePort();
        ingestPort = freePort();
        try {
            metadata = start("metadata-service", List.of("-Dquarkus.http.port=" + metadataPort));
            List<String> ingestAll = new ArrayList<>(List.of("-Dquarkus.http.port=" + ingestPort,
                    "-Dquarkus.rest-client.metadata.url=" + metadata(),
                    "-Dquarkus.s3.endpoint-override=" + url(s3.getPort()),
                    "-Dquarkus.rest-client.metadata.connect-timeout=500"));
            ingestAll.addAll(ingestOptions);
            Process ingest = start("ingest-service", ingestAll);
            awaitReady("metadata-service", metadata, metadataPort);
            awaitReady("ingest-service", ingest, ingestPort);
        } catch (Throwable e) {
            // The test class never gets this suite, so nothing else would stop what has started.
            try {
                close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        // Requests that name no identity go as an admin with a really signed token (as the gateway would sign it).
        DefaultIdentityFilter.install();
        // A service that hangs fails the request that waits for it instead of the whole build.
        RestAssured.config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 5_000)
                .setParam("http.socket.timeout", 180_000));
    }

    /**
     * Starts an inference-service instance against this suite's metadata-service, with its own data directory (each
     * assembles the built-in model there) and the batch job's schedule off, so tests run the job themselves.
     */
    String startInference(String name, int batchSize) throws Exception {
        return ready(launchInference(name, batchSize));
    }

    /**
     * Starts retrieval-service against this suite's metadata-service and ingest-service, as `./suite start` does,
     * with its own data directory (local dataset copies, saved models, the embedded vector store).
     */
    String startRetrieval() throws Exception {
        return ready(launchRetrieval());
    }

    /**
     * Starts chat-gateway in front of the given upstreams with the given bootstrap admin key (passed through the
     * environment as `./suite` passes it) and options of the gateway's own (e.g. its rate limits).
     */
    String startGateway(String adminKey, String inference, String retrieval, List<String> extraOptions)
            throws Exception {
        return ready(launchGateway(adminKey, inference, retrieval, extraOptions));
    }

    /** The URLs of the services most test classes start in front of metadata-service and ingest-service. */
    record Front(String inference, String retrieval, String gateway) {
    }

    /**
     * Starts inference-service (as {@link #startInference} named "inference-service"), retrieval-service and
     * chat-gateway in front of them (with {@code gatewayOptions}) all at once, and waits until the three are ready:
     * started one after another they spent 11 s waiting, though each start-up keeps only part of the two cores busy.
     * The gateway is ready once its upstreams are.
     */
    Front startFront(String adminKey, int inferenceBatchSize, List<String> gatewayOptions) throws Exception {
        Launched inference = launchInference("inference-service", inferenceBatchSize);
        Launched retrieval = launchRetrieval();
        Launched gateway = launchGateway(adminKey, inference.url(), retrieval.url(), gatewayOptions);
        ready(inference);
        ready(retrieval);
        return new Front(inference.url(), retrieval.url(), ready(gateway));
    }

    /** A service process started and not yet known to be ready. */
    private record Launched(String name, Process process, int port) {
        String url() {
            return RunningSuite.url(port);
        }
    }

    private Launched launchInference(String name, int batchSize) throws IOException {
        int port = freePort();
        Path data = Files.createDirectories(dataDir.resolve(name));
        Process process = start("inference-service", name, data, Map.of(), List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.rest-client.metadata.url=" + metadata(),
                "-Dinference.jobs.predict.cron=off",
                "-Dinference.jobs.predict.batch-size=" + batchSize,
                "-Dinference.serving.onnx.intra-op-threads=1"));
        return new Launched(name, process, port);
    }

    private Launched launchRetrieval() throws IOException {
        int port = freePort();
        Path data = Files.createDirectories(dataDir.resolve("retrieval-service"));
        Process process = start("retrieval-service", "retrieval-service", data, Map.of(), List.of(
                "-Dquarkus.http.port=" + port,
                "-Dretrieval.vector-store.kind=embedded",
                "-Dquarkus.rest-client.metadata.url=" + metadata(),
                "-Dquarkus.rest-client.ingest.url=" + ingest()));
        return new Launched("retrieval-service", process, port);
    }

    private Launched launchGateway(String adminKey, String inference, String retrieval, List<String> extraOptions)
            throws IOException {
        int port = freePort();
        Path data = Files.createDirectories(dataDir.resolve("chat-gateway"));
        List<String> options = new ArrayList<>(List.of("-Dquarkus.http.port=" + port,
                "-Dgateway.upstreams.ingest=" + ingest(),
                "-Dgateway.upstreams.metadata=" + metadata(),
                "-Dgateway.upstreams.inference=" + inference,
                "-Dgateway.upstreams.retrieval=" + retrieval));
        options.addAll(extraOptions);
        Process process = start("chat-gateway", "chat-gateway", data, Map.of("SUITE_ADMIN_KEY", adminKey), options);
        return new Launched("chat-gateway", process, port);
    }

    private String ready(Launched launched) throws Exception {
        awaitReady(launched.name(), launched.process(), launched.port());
        return launched.url();
    }

    String ingest() {
        return url(ingestPort);
    }

    String metadata() {
        return url(metadataPort);
    }

    /** The base URL of a process of this suite listening on {@code port}. */
    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    void stopMetadata() throws InterruptedException {
        metadata.destroy();
        metadata.waitFor(20, TimeUnit.SECONDS);
    }

    /** kill -9 of a started process by name ("ingest-service", "retrieval-service", an inference name...). */
    void kill(String name) throws InterruptedException {
        Process process = process(name);
        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " still alive 20 s after SIGKILL");
        }
    }

    /**
     * Starts {@code name} again as it was first started (same port, data directory, environment), plus
     * {@code extraOptions} (later -D options win), and waits until it is ready. A live process is stopped first.
     */
    void restart(String name, List<String> extraOptions) throws Exception {
        restart(name, extraOptions, Map.of());
    }

    /**
     * {@link #restart(String, List)} with more environment variables: a setting the service may not know yet goes
     * there, since an unknown {@code -D} key under a mapped prefix stops a Quarkus service at start.
     */
    void restart(String name, List<String> extraOptions, Map<String, String> extraEnvironment) throws Exception {
        Process old = process(name);
        if (old.isAlive()) {
            old.destroy();
            if (!old.waitFor(20, TimeUnit.SECONDS)) {
                old.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
        Launch launch = launches.get(name);
        List<String> options = new ArrayList<>(launch.options());
        options.addAll(extraOptions);
        Map<String, String> environment = new java.util.HashMap<>(launch.environment());
        environment.putAll(extraEnvironment);
        Process process = start(launch.service(), name, launch.data(), environment, options);
        awaitReady(name, process, launch.port());
        if (name.equals("metadata-service")) {
            metadata = process;
        }
    }

    /** The operating-system id of the running process {@code name}. */
    long pid(String name) {
        return process(name).pid();
    }

    /** Resident set size of the process {@code name} in MiB, from /proc/<pid>/status (VmRSS), or -1 off Linux. */
    long rssMb(String name) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid(name)), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private Process process(String name) {
        Process process = current.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process named " + name + " was started");
        }
        return process;
    }

    private Process start(String service, List<String> options) throws IOException {
        return start(service, service, dataDir, Map.of(), options);
    }

    private Process start(String service, String name, Path data, Map<String, String> environment,
                          List<String> options) throws IOException {
        Path jar = Path.of("..", service, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the whole build (mvn verify), which packages "
                    + service + " before these tests");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!service.equals("retrieval-service")) {
            command.addAll(QUICK_START);
        }
        command.addAll(jvmOptions);
        command.addAll(options);
        command.addAll(List.of("-Dquarkus.s3.aws.credentials.static-provider.access-key-id=" + ACCESS_KEY,
                "-Dquarkus.s3.aws.credentials.static-provider.secret-access-key=" + SECRET_KEY,
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                // Appended: a restarted process keeps its earlier runs' output in front of its own.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve(name + ".out").toFile()));
        builder.environment().put("SUITE_DATA_DIR", data.toString());
        builder.environment().put("OPT_OUT_TRACKING", "true");
        // The identity key pair, through the environment as ./suite passes it: the services verify the tokens the
        // tests (and the gateway) sign, and sign their own hops.
        builder.environment().put("SUITE_IDENTITY_PUBLIC_KEY", TestIdentity.publicKeyBase64());
        builder.environment().put("SUITE_IDENTITY_SIGNING_KEY", TestIdentity.privateKeyBase64());
        builder.environment().putAll(environment);
        Process process = builder.start();
        processes.add(process);
        int port = options.stream().filter(o -> o.startsWith("-Dquarkus.http.port=")).reduce((a, b) -> b)
                .map(o -> Integer.parseInt(o.substring("-Dquarkus.http.port=".length()))).orElse(-1);
        launches.putIfAbsent(name, new Launch(service, data, environment, List.copyOf(options), port));
        current.put(name, process);
        return process;
    }

    private void awaitReady(String service, Process process, int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create(url(port) + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(service
                + (process.isAlive() ? " not ready in " + READY_SECONDS + " s" : " exited")
                + "; its output: " + Files.readString(dataDir.resolve(service + ".out")));
    }

    /** How a process was started. */
    private record Launch(String service, Path data, Map<String, String> environment, List<String> options,
                          int port) {
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        s3.stop();
    }
}
