package ai.datasuite.ingest.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;

/**
 * Writer in front of the caller's text output that stops at the character limit and remembers
 * how much was written. Parsers are stopped by an exception once the limit is hit, so a huge
 * document is not parsed to the end just to throw its text away. It also carries the upload's
 * parse deadline: once {@link #timeOut()} is called no more text gets through, so a parse still
 * running on its own thread can no longer touch the output (hence the synchronized methods).
 */
final class TextSink extends Writer {

    /** Thrown through the parser to stop it; recognised afterwards via {@link #isTruncated()}. */
    static final class LimitReachedException extends IOException {
        LimitReachedException() {
            super("text limit reached", null);
        }
    }

    private final Writer out;
    private final long limit;
    private long written;
    private boolean truncated;
    private boolean hasText;
    private IOException outputFailure;
    private final long deadline;
    private boolean timedOut;

    TextSink(Writer out, long limit) {
        this(out, limit, Duration.ofDays(1));
    }

    /** @param parseTime how long all parsing for this output may take, from now */
    TextSink(Writer out, long limit, Duration parseTime) {
        this.out = out == null ? Writer.nullWriter() : out;
        this.limit = limit;
        this.deadline = System.nanoTime() + Math.min(parseTime.toNanos(), Long.MAX_VALUE / 4);
    }

    /** Nanoseconds of parse time left (zero or less: none). */
    long remainingNanos() {
        return deadline - System.nanoTime();
    }

    /** The parse time is up: nothing more is written, and the text counts as truncated. */
    synchronized void timeOut() {
        timedOut = true;
        truncated = true;
    }

    synchronized boolean timedOut() {
        return timedOut;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        if (!append(cbuf, off, len)) {
            throw new LimitReachedException();
        }
    }

    /** Writes what fits; returns false (and marks truncation) when some characters did not fit. */
    synchronized boolean append(char[] cbuf, int off, int len) {
        if (len == 0) {
            return true;
        }
        if (truncated) {
            return false;
        }
        int fits = (int) Math.min(len, limit - written);
        if (fits > 0) {
            writeOut(cbuf, off, fits);
            if (!hasText) {
                for (int i = off; i < off + fits; i++) {
                    if (!Character.isWhitespace(cbuf[i])) {
                        hasText = true;
                        break;
                    }
                }
            }
        }
        if (fits < len) {
            truncated = true;
            return false;
        }
        return true;
    }

    /** Writes a line that labels the text after it (archive entry names); it does not count as text. */
    synchronized boolean header(String line) {
        boolean before = hasText;
        char[] chars = (line + "\n").toCharArray();
        boolean ok = append(chars, 0, chars.length);
        hasText = before;
        return ok;
    }

    private void writeOut(char[] cbuf, int off, int len) {
        try {
            out.write(cbuf, off, len);
            written += len;
        } catch (IOException e) {
            // The caller's output failing is not a property of the file: surface it as such.
            outputFailure = e;
            throw new UncheckedIOException("cannot write extracted text", e);
        }
    }

    synchronized IOException outputFailure() {
        return outputFailure;
    }

    synchronized boolean isFull() {
        return truncated || written >= limit;
    }

    synchronized boolean isTruncated() {
        return truncated;
    }

    synchronized long written() {
        return written;
    }

    synchronized boolean hasText() {
        return hasText;
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    /** Does not close the caller's writer: it owns it. */
    @Override
    public synchronized void close() throws IOException {
        out.flush();
    }
}
