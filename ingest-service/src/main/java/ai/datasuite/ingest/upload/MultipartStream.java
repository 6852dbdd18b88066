package ai.datasuite.ingest.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming multipart/form-data reader (RFC 7578): parts are read one after another, each body as a stream that
 * ends at the next delimiter, through one fixed buffer. Written for the upload path, where a general-purpose parser
 * that scans byte by byte cost more than the disk.
 */
final class MultipartStream {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer;
    private int start;
    private int end;
    private boolean eof;
    private boolean finished;
    private PartBody current;

    /** One part: its headers (names lower-cased) and its body, to be read before asking for the next part. */
    record Part(Map<String, String> headers, InputStream body) {

        String name() {
            return parameter("name");
        }

        String fileName() {
            return parameter("filename");
        }

        private String parameter(String key) {
            String disposition = headers.getOrDefault("content-disposition", "");
            for (String item : disposition.split(";")) {
                String[] kv = item.trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase(key)) {
                    String value = kv[1].trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
                    }
                    return value;
                }
            }
            return null;
        }
    }

    MultipartStream(InputStream in, String boundary, int bufferSize) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[Math.max(bufferSize, delimiter.length * 4 + MAX_HEADER_BYTES)];
    }

    /** The boundary parameter of a multipart Content-Type, or null. */
    static String boundaryOf(String contentType) {
        for (String item : contentType.split(";")) {
            String[] kv = item.trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("boundary")) {
                String value = kv[1].trim();
                return value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    /** The next part, or null after the closing delimiter. */
    Part next() throws IOException {
        if (current == null) {
            skipPreamble();
        } else {
            current.transferTo(OutputStream.nullOutputStream());
        }
        if (finished) {
            return null;
        }
        // After a delimiter: "--" closes the body, CRLF starts another part.
        fill(2);
        if (end - start < 2) {
            throw new Malformed("the multipart body ends inside a delimiter");
        }
        if (buffer[start] == '-' && buffer[start + 1] == '-') {
            finished = true;
            return null;
        }
        if (buffer[start] != '\r' || buffer[start + 1] != '\n') {
            throw new Malformed("malformed multipart delimiter");
        }
        start += 2;
        Map<String, String> headers = readHeaders();
        current = new PartBody();
        return new Part(headers, current);
    }

    private void skipPreamble() throws IOException {
        // The first delimiter may come without its leading CRLF.
        fill(delimiter.length - 2);
        if (end - start >= delimiter.length - 2 && regionMatches(start, 2)) {
            start += delimiter.length - 2;
            return;
        }
        current = new PartBody();
        current.transferTo(OutputStream.nullOutputStream());
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        while (true) {
            int lineEnd = indexOfCrlf();
            while (lineEnd < 0) {
                if (end - start >= MAX_HEADER_BYTES || !fillMore()) {
                    throw new Malformed("multipart part headers are missing or longer than " + MAX_HEADER_BYTES + " bytes");
                }
                lineEnd = indexOfCrlf();
            }
            String line = new String(buffer, start, lineEnd - start, StandardCharsets.UTF_8);
            start = lineEnd + 2;
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
    }

    private int indexOfCrlf() {
        for (int i = start; i + 1 < end; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Index of the delimiter in the buffer, or -1. */
    private int indexOfDelimiter() {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        for (int i = start; i <= last; i++) {
            if (buffer[i] == first && regionMatchesAt(i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean regionMatchesAt(int at) {
        for (int j = 1; j < delimiter.length; j++) {
            if (buffer[at + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    private boolean regionMatches(int at, int fromDelimiter) {
        for (int j = fromDelimiter; j < delimiter.length; j++) {
            if (buffer[at + j - fromDelimiter] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    /** Makes at least {@code wanted} bytes available unless the stream ends first. */
    private void fill(int wanted) throws IOException {
        while (end - start < wanted && fillMore()) {
            // keep reading
        }
    }

    private boolean fillMore() throws IOException {
        if (eof) {
            return false;
        }
        if (end == buffer.length) {
            if (start == 0) {
                throw new Malformed("multipart buffer full without progress");
            }
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }

    /** A part's body: everything up to the next delimiter, which it consumes. */
    private final class PartBody extends InputStream {

        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            while (true) {
                int at = indexOfDelimiter();
                if (at >= 0) {
                    if (at == start) {
                        start += delimiter.length;
                        done = true;
                        return -1;
                    }
                    return copy(target, offset, Math.min(length, at - start));
                }
                // Bytes that cannot be the start of a delimiter are safe to hand out.
                int safe = end - start - (delimiter.length - 1);
                if (safe > 0) {
                    return copy(target, offset, Math.min(length, safe));
                }
                if (!fillMore()) {
                    throw new Malformed("the multipart body ended before its closing delimiter");
                }
            }
        }

        private int copy(byte[] target, int offset, int count) {
            System.arraycopy(buffer, start, target, offset, count);
            start += count;
            return count;
        }
    }

    /** The body breaks the multipart format; its message is ours and says how, so it may be shown to the client. */
    static final class Malformed extends IOException {

        Malformed(String message) {
            super(message);
        }
    }
}
