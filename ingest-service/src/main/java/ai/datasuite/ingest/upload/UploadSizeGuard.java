package ai.datasuite.ingest.upload;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

import ai.datasuite.ingest.config.IngestConfig;
import ai.datasuite.problem.ProblemException;
import ai.datasuite.problem.Problems;

/**
 * Answers 413 from the request's declared length, before a byte of the body is read or written to disk. Bodies
 * without a length are cut by {@code quarkus.http.limits.max-body-size} and checked again once on disk.
 */
@ApplicationScoped
class UploadSizeGuard {

    /** Room for the multipart framing and the metadata part around the file itself. */
    private static final long ENVELOPE = 1L << 20;

    void install(@Observes Router router, IngestConfig config) {
        long max = config.maxFileSize().asLongValue();
        router.post("/api/v1/files").order(-100).handler(rc -> {
            String declared = rc.request().getHeader("Content-Length");
            if (declared != null && parse(declared) > max + ENVELOPE) {
                rc.response().setStatusCode(413)
                        .putHeader("Content-Type", Problems.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Json.encode(Problems.body(413, ProblemException.PAYLOAD_TOO_LARGE, "File too large",
                                "the request declares " + declared + " bytes; the file limit is " + max
                                        + " bytes (ingest.max-file-size)", Map.of("max_bytes", max))));
                return;
            }
            rc.next();
        });
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
