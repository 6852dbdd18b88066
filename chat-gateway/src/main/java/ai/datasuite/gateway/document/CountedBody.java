package ai.datasuite.gateway.document;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * An upload on its way to ingest-service, counted as it passes (nothing is held): past {@code limit} bytes it stops
 * and fails the stream, so the request to ingest is reset. (The proxy's own counter is internal to its package.)
 */
final class CountedBody implements ReadStream<Buffer> {

    /** The failure the pipe to ingest sees when the body grows past the limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("upload over the gateway's body limit", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private long count;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    CountedBody(ReadStream<Buffer> source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    boolean exceeded() {
        return exceeded;
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
                return;
            }
            count += buffer.length();
            if (count > limit) {
                exceeded = true;
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
                handler.handle(end);
            }
        });
        return this;
    }
}
