package ai.datasuite.gateway.snapshot;

import static ai.datasuite.gateway.proxy.VertxProblems.reject;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import ai.datasuite.gateway.auth.RouteKeys;
import ai.datasuite.gateway.config.SnapshotConfig;
import ai.datasuite.gateway.key.KeyHolder;
import ai.datasuite.gateway.limit.RateLimiter;
import ai.datasuite.gateway.proxy.MeteredBody;
import ai.datasuite.gateway.proxy.VertxProblems;
import ai.datasuite.identity.Roles;
import ai.datasuite.problem.ProblemException;

/**
 * {@code POST /api/v1/tasks/import} with a zip ({@code application/zip}, {@code application/x-zip-compressed}): the
 * key, the rate limit and the role (annotator or admin) are checked, the body is spooled to a file (streamed, at most
 * {@code gateway.snapshots.max-size}), checked from its central directory ({@link SnapshotArchive}), and answered
 * 202 with the import job, which runs in the background ({@link SnapshotImporter}). Any other content type goes on to
 * the proxy, so JSONL and CSV reach metadata-service unchanged. A Vert.x route ahead of the proxy, since a REST
 * resource would read the whole body first; documented by {@code rest.SnapshotImportResource}.
 */
@Singleton
public class SnapshotRoute {

    public static final String PATH = "/api/v1/tasks/import";
    public static final String ZIP = "application/zip";
    public static final String X_ZIP = "application/x-zip-compressed";
    static final String IMPORTS = "/api/v1/tasks/imports/";
    private static final Logger LOG = Logger.getLogger(SnapshotRoute.class);

    private final Vertx vertx;
    private final RouteKeys keys;
    private final RateLimiter rateLimiter;
    private final SnapshotService service;
    private final SnapshotSpool spool;
    private final ObjectMapper json;
    private final long maxBytes;

    public SnapshotRoute(Vertx vertx, RouteKeys keys, RateLimiter rateLimiter,
                         SnapshotService service, SnapshotSpool spool, ObjectMapper json, SnapshotConfig config) {
        this.vertx = vertx;
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.service = service;
        this.spool = spool;
        this.json = json;
        this.maxBytes = config.maxSize().asLongValue();
    }

    void init(@Observes Router router) {
        // Before the proxy, which would send the zip to metadata-service under the routed body limit.
        router.post(PATH).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::handle);
    }

    static boolean isZip(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon >= 0 ? type.substring(0, semicolon) : type).strip();
        return type.equals(ZIP) || type.equals(X_ZIP);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!isZip(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            context.next();
            return;
        }
        if (declaredLength(request) > maxBytes) {
            reject(context, tooLarge());
            return;
        }
        keys.check(request, holder -> accept(context, holder), problem -> reject(context, problem));
    }

    private void accept(RoutingContext context, KeyHolder holder) {
        try {
            rateLimiter.consume(holder.keyId());
        } catch (ProblemException limited) {
            reject(context, limited);
            return;
        }
        if (!Roles.ANNOTATOR.equals(holder.role()) && !Roles.ADMIN.equals(holder.role())) {
            reject(context, new ProblemException(403, ProblemException.FORBIDDEN, "Forbidden", "Importing a GAIA"
                    + " snapshot needs the annotator or admin role; your key has the role '" + holder.role() + "'."));
            return;
        }
        HttpServerRequest request = context.request();
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            context.response().writeContinue();
        }
        Path zip = spool.newFile(".zip");
        vertx.fileSystem().open(zip.toString(), new OpenOptions().setCreateNew(true).setWrite(true))
                .onFailure(failure -> reject(context,
                        VertxProblems.of(failure, "The zip could not be spooled", LOG)))
                .onSuccess(file -> {
                    AtomicBoolean exceeded = new AtomicBoolean();
                    new MeteredBody(request, maxBytes, () -> exceeded.set(true), () -> { }).pipeTo(file)
                            .onComplete(spooled -> {
                                if (spooled.failed()) {
                                    file.close();
                                    vertx.fileSystem().delete(zip.toString());
                                    reject(context, exceeded.get() ? tooLarge() : ProblemException.validation(
                                            "The upload broke off before the whole zip arrived; send it again."));
                                    return;
                                }
                                start(context, zip, holder);
                            });
                });
    }

    private void start(RoutingContext context, Path zip, KeyHolder holder) {
        vertx.executeBlocking(() -> service.accept(zip, holder.userId(), holder.role()), false)
                .onComplete(accepted -> {
                    if (accepted.failed()) {
                        reject(context, VertxProblems.of(accepted.cause(), "The zip could not be checked", LOG));
                        return;
                    }
                    SnapshotImportView view = accepted.result();
                    try {
                        context.response().setStatusCode(202)
                                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                                .putHeader(HttpHeaders.LOCATION, IMPORTS + view.id())
                                .end(Buffer.buffer(json.writeValueAsBytes(view)));
                    } catch (Exception e) {
                        reject(context, VertxProblems.of(e, "The answer could not be written", LOG));
                    }
                });
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, ProblemException.PAYLOAD_TOO_LARGE, "Payload too large",
                "The zip is larger than the gateway accepts (" + maxBytes + " bytes; gateway.snapshots.max-size)."
                        + " Split the snapshot into several zips.", Map.of("max_body_bytes", maxBytes));
    }

    private static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
