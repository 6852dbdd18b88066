package ai.datasuite.retrieval.rest;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ai.datasuite.problem.Problems;
import ai.datasuite.retrieval.config.VectorStoreConfig;
import ai.datasuite.vectorindex.CollectionFullException;

/**
 * A vector collection at the points it may hold: 413 {@code vector-collection-full}, naming the limit's key and both
 * figures (nothing of the request was written). The embedded store's limit is the smaller of
 * {@code retrieval.vector-store.embedded.max-points} and what one in-memory array can hold at the dimension.
 */
public class CollectionFullMapper {

    static final String FULL = "vector-collection-full";
    private static final Logger LOG = Logger.getLogger(CollectionFullMapper.class);

    @ServerExceptionMapper
    public Response full(CollectionFullException e) {
        LOG.warnf("Refused an upsert into %s: %d points, the limit is %d", e.collection(), e.requested(),
                e.maxPoints());
        String detail = "The vector collection '" + e.collection() + "' may hold at most " + e.maxPoints()
                + " points (" + VectorStoreConfig.MAX_POINTS_KEY + ", and at most what one in-memory array holds at "
                + e.dimension() + " dimensions); this request would make it " + e.requested() + ". Remove models or"
                + " documents, raise " + VectorStoreConfig.MAX_POINTS_KEY + ", or use the qdrant store"
                + " (retrieval.vector-store.kind).";
        return Problems.response(413, FULL, "Vector collection full", detail, Map.of("limit",
                VectorStoreConfig.MAX_POINTS_KEY, "max", e.maxPoints(), "requested", e.requested()));
    }
}
