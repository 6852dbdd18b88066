package ai.datasuite.retrieval.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;
import ai.datasuite.vectorindex.CollectionConflictException;
import ai.datasuite.vectorindex.CollectionNotFoundException;
import ai.datasuite.vectorindex.VectorStoreUnavailableException;

/** The vector store's own failures as problems: an absent collection 404, a mismatched one 409, no answer 503. */
public class VectorStoreExceptionMappers {

    static final String UNAVAILABLE = "vector-store-unavailable";

    @ServerExceptionMapper
    public Response notFound(CollectionNotFoundException e) {
        return Problems.response(ProblemException.notFound(e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(CollectionConflictException e) {
        return Problems.response(ProblemException.conflict(e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unavailable(VectorStoreUnavailableException e) {
        return Problems.response(503, UNAVAILABLE, "Vector store unavailable", e.getMessage(), null);
    }
}
