package ai.datasuite.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body on its way to a service, counted as it passes (nothing is held): past {@code limit} bytes it stops,
 * tells {@code onExceeded} and fails the stream, so the proxy resets the service's request; at its end it tells
 * {@code onEnd} (the response timeout starts when the whole body is sent). The upload route meters its body with it
 * too.
 */
public final class MeteredBody implements ReadStream<Buffer> {

    /** The failure the pipe to the service sees when the body grows past the limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the gateway's limit", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private final Runnable onExceeded;
    private final Runnable onEnd;
    private long count;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    public MeteredBody(ReadStream<Buffer> source, long limit, Runnable onExceeded, Runnable onEnd) {
        this.source = source;
        this.limit = limit;
        this.onExceeded = onExceeded;
        this.onEnd = onEnd;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(buffer -> {
            if (exceeded) {
                return; // the rest of a refused body is dropped, never sent
            }
            count += buffer.length();
            if (count > limit) {
                exceeded = true;
                onExceeded.run();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge());
                }
                return;
            }
            handler.handle(buffer);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        if (handler == null) {
            source.endHandler(null);
            return this;
        }
        source.endHandler(end -> {
            if (!exceeded) {
                onEnd.run();
                handler.handle(end);
            }
        });
        return this;
    }
}
