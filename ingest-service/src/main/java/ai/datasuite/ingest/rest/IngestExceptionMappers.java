package ai.datasuite.ingest.rest;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ai.datasuite.ingest.analysis.AnalysisException;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The problems only ingest-service has: a file it cannot take, the object store's failures, and the upload's content
 * type. Everything else (ProblemException, validation, not found, 405, metadata-service unavailable...) is mapped by
 * problem-support.
 */
public class IngestExceptionMappers {

    private static final Logger LOG = Logger.getLogger(IngestExceptionMappers.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response unacceptableFile(AnalysisException e) {
        return switch (e.kind()) {
            case UNSUPPORTED_TYPE -> Problems.response(415, ProblemException.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported file type", e.getMessage(), null);
            case ARCHIVE_LIMIT -> Problems.response(413, "archive-limit-exceeded", "Archive exceeds a limit",
                    e.getMessage(), null);
            case MALFORMED -> Problems.response(400, "malformed-file", "The file could not be read", e.getMessage(),
                    null);
        };
    }

    @ServerExceptionMapper
    public Response objectMissing(NoSuchKeyException e) {
        // Never expected: rows are committed after their objects and deleted before them.
        LOG.errorf("a file record refers to a missing object: %s", e.getMessage());
        return Problems.response(500, "object-missing", "Stored object missing",
                "the file's bytes are missing from the object store; this has been logged for operators", null);
    }

    @ServerExceptionMapper({SdkClientException.class, S3Exception.class})
    public Response storageDown(RuntimeException e) {
        LOG.warnf("object storage failed: %s", e.toString());
        return Response.fromResponse(Problems.response(503, "storage-unavailable", "Storage unavailable",
                        "the object store is unavailable; retry in a few seconds (an upload answered so stored nothing).",
                        null))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    /** The only endpoint that consumes a body is the upload: say what it takes instead of the generic 415. */
    @ServerExceptionMapper
    public Response notMultipart(NotSupportedException e) {
        return Problems.response(415, ProblemException.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                "this content type is not accepted here; uploads are multipart/form-data with a 'file' and a "
                        + "'metadata' part (see /q/openapi)", null);
    }
}
