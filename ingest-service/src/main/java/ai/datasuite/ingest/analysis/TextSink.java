package ai.datasuite.ingest.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writer in front of the caller's text output that stops at the character limit and remembers
 * how much was written. Parsers are stopped by an exception once the limit is hit, so a huge
 * document is not parsed to the end just to throw its text away.
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

    TextSink(Writer out, long limit) {
        this.out = out == null ? Writer.nullWriter() : out;
        this.limit = limit;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        if (!append(cbuf, off, len)) {
            throw new LimitReachedException();
        }
    }

    /** Writes what fits; returns false (and marks truncation) when some characters did not fit. */
    boolean append(char[] cbuf, int off, int len) {
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
    boolean header(String line) {
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

    IOException outputFailure() {
        return outputFailure;
    }

    boolean isFull() {
        return truncated || written >= limit;
    }

    boolean isTruncated() {
        return truncated;
    }

    long written() {
        return written;
    }

    boolean hasText() {
        return hasText;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Does not close the caller's writer: it owns it. */
    @Override
    public void close() throws IOException {
        out.flush();
    }
}
