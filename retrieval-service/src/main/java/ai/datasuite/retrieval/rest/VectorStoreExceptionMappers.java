package ai.datasuite.retrieval.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;
import ai.datasuite.vectorindex.CollectionConflictException;
import ai.datasuite.vectorindex.CollectionNotFoundException;
import ai.datasuite.vectorindex.VectorStoreUnavailableException;

/**
 * The vector store's own failures as problems: an absent collection 404, a mismatched one 409, no answer 503. The
 * answers say what went wrong in the caller's terms; the store's own message (collection names, dimensions, the
 * remote status) goes to the log.
 */
public class VectorStoreExceptionMappers {

    static final String UNAVAILABLE = "vector-store-unavailable";
    static final String NOT_FOUND = "The stored vectors this request needs are missing (the model or documents were"
            + " removed meanwhile); fit the model or index the documents again";
    static final String CONFLICT = "The stored vectors were made with another embedding model or other settings;"
            + " remove the model and fit it again, or re-index the documents";
    static final String UNAVAILABLE_DETAIL = "The vector store does not answer; retry in a moment";

    private static final Logger LOG = Logger.getLogger(VectorStoreExceptionMappers.class);

    @ServerExceptionMapper
    public Response notFound(CollectionNotFoundException e) {
        LOG.warnf("Vector store: %s", e.getMessage());
        return Problems.response(ProblemException.notFound(NOT_FOUND));
    }

    @ServerExceptionMapper
    public Response conflict(CollectionConflictException e) {
        LOG.warnf("Vector store: %s", e.getMessage());
        return Problems.response(ProblemException.conflict(CONFLICT));
    }

    @ServerExceptionMapper
    public Response unavailable(VectorStoreUnavailableException e) {
        LOG.warnf(e, "Vector store unavailable: %s", e.getMessage());
        return Problems.response(503, UNAVAILABLE, "Vector store unavailable", UNAVAILABLE_DETAIL, null);
    }
}
