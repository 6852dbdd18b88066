package ai.datasuite.gateway.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.vertx.core.Vertx;

import ai.datasuite.gateway.config.Upstream;

/**
 * The four services behind the gateway as fakes ({@link FakeUpstream}); metadata-service also holds the key store
 * ({@link FakeKeyStore}). A service named in {@code down} gets an address where nothing listens.
 */
public final class FakeServices {

    private final Vertx vertx = Vertx.vertx();
    private final Map<Upstream, FakeUpstream> running = new EnumMap<>(Upstream.class);
    private final Map<Upstream, String> urls = new EnumMap<>(Upstream.class);
    public final FakeKeyStore keys = new FakeKeyStore();
    /** Fine-tune's fakes; plugged in by {@link #plugFineTune()} (they shadow the echo of those paths). */
    public final FakeFineTuneJobs fineTuneJobs = new FakeFineTuneJobs();
    public final FakeFineTuneMaterial fineTuneMaterial = new FakeFineTuneMaterial();
    public final FakeFineTuneFiles fineTuneFiles = new FakeFineTuneFiles();
    private boolean fineTunePlugged;

    FakeServices(Set<Upstream> down) {
        for (Upstream upstream : Upstream.values()) {
            if (down.contains(upstream)) {
                urls.put(upstream, "http://127.0.0.1:" + closedPort());
            } else {
                FakeUpstream fake = new FakeUpstream(vertx, upstream.service(),
                        upstream == Upstream.METADATA ? keys : null).start();
                running.put(upstream, fake);
                urls.put(upstream, fake.url());
            }
        }
    }

    public FakeUpstream get(Upstream upstream) {
        FakeUpstream fake = running.get(upstream);
        if (fake == null) {
            throw new IllegalStateException(upstream + " is down in this test profile");
        }
        return fake;
    }

    /**
     * Serves metadata's fine-tune jobs and rated turns, retrieval's datasets and ingest's uploads from the fine-tune
     * fakes (once). Only fine-tune's test classes call it: other tests expect those paths echoed.
     */
    public synchronized void plugFineTune() {
        if (!fineTunePlugged) {
            get(Upstream.METADATA).serve(FakeFineTuneJobs.PREFIX, fineTuneJobs)
                    .serve(FakeFineTuneMaterial.RATED, fineTuneMaterial);
            get(Upstream.RETRIEVAL).serve(FakeFineTuneMaterial.DATASETS, fineTuneMaterial);
            get(Upstream.INGEST).serve(FakeFineTuneFiles.PREFIX, fineTuneFiles);
            fineTunePlugged = true;
        }
    }

    public String url(Upstream upstream) {
        return urls.get(upstream);
    }

    Map<String, String> config() {
        Map<String, String> config = new HashMap<>();
        urls.forEach((upstream, url) -> config.put("gateway.upstreams." + upstream.name().toLowerCase(), url));
        return config;
    }

    void stop() {
        running.values().forEach(FakeUpstream::stop);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** A port nothing listens on: bound once to find it free, then released (connections to it are refused). */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
