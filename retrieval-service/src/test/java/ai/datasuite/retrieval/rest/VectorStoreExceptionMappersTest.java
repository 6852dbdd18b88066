package ai.datasuite.retrieval.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.datasuite.problem.Problems;
import ai.datasuite.vectorindex.CollectionConflictException;
import ai.datasuite.vectorindex.CollectionNotFoundException;
import ai.datasuite.vectorindex.VectorPoint;
import ai.datasuite.vectorindex.VectorStoreUnavailableException;
import ai.datasuite.vectorindex.embedded.EmbeddedVectorStore;

/**
 * The store's failures reach callers with the statuses and types they had when the store threw problems itself, in
 * the caller's terms: no collection names, dimensions or remote status codes.
 */
class VectorStoreExceptionMappersTest {

    @TempDir
    Path dir;

    private final VectorStoreExceptionMappers mappers = new VectorStoreExceptionMappers();

    @Test
    void conflictingCollectionIs409AndAbsentOneIs404() throws Exception {
        EmbeddedVectorStore store = new EmbeddedVectorStore(dir);
        store.ensureCollection("c", 4, false);
        CollectionConflictException conflict = assertThrows(CollectionConflictException.class,
                () -> store.ensureCollection("c", 8, false));
        assertProblem(mappers.conflict(conflict), 409, "conflict", VectorStoreExceptionMappers.CONFLICT);
        CollectionNotFoundException absent = assertThrows(CollectionNotFoundException.class,
                () -> store.upsert("absent", List.of(new VectorPoint(1, new float[4], null, Map.of()))));
        assertProblem(mappers.notFound(absent), 404, "not-found", VectorStoreExceptionMappers.NOT_FOUND);
    }

    @Test
    void unreachableStoreIs503() throws Exception {
        assertProblem(mappers.unavailable(new VectorStoreUnavailableException("Qdrant did not answer: UNAVAILABLE",
                null)), 503, "vector-store-unavailable", VectorStoreExceptionMappers.UNAVAILABLE_DETAIL);
    }

    private static void assertProblem(Response response, int status, String slug, String detail) throws Exception {
        assertEquals(status, response.getStatus());
        Map<?, ?> body = new ObjectMapper().readValue((String) response.getEntity(), Map.class);
        assertEquals(Problems.TYPE_PREFIX + slug, body.get("type"));
        assertEquals(status, body.get("status"));
        assertEquals(detail, body.get("detail"));
        String text = (String) response.getEntity();
        for (String internal : new String[] {"collection", "dimension", "sparse=", "Qdrant", "UNAVAILABLE", "absent"}) {
            assertFalse(text.contains(internal), internal + " in " + text);
        }
    }
}
