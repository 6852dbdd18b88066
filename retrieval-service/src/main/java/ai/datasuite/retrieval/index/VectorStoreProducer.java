package ai.datasuite.retrieval.index;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import ai.datasuite.retrieval.config.VectorStoreConfig;
import ai.datasuite.vectorindex.VectorStore;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

/** Chooses the {@link VectorStore} at startup from {@code retrieval.vector-store.kind}. */
@ApplicationScoped
class VectorStoreProducer {

    private static final Logger LOG = Logger.getLogger(VectorStoreProducer.class);

    // Singleton, not application-scoped: no client proxy, so callers can see the concrete store (memory, release).
    @Produces
    @Singleton
    VectorStore vectorStore(VectorStoreConfig config) {
        if (config.kind() == VectorStoreConfig.Kind.QDRANT) {
            VectorStoreConfig.Qdrant q = config.qdrant();
            LOG.infof("Vector store: Qdrant at %s:%d (tls=%s)", q.host(), q.port(), q.useTls());
            return QdrantVectorStore.connect(q.host(), q.port(), q.useTls(), q.apiKey().orElse(null), q.timeout(),
                    config.batchSize());
        }
        Path dir = Path.of(config.embedded().dir());
        LOG.infof("Vector store: embedded in %s", dir.toAbsolutePath());
        return new EmbeddedVectorStore(dir, config.embedded().maxSegments(), config.embedded().maxPoints());
    }

    void close(@Disposes VectorStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
