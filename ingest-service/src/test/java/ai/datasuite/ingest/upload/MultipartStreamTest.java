package ai.datasuite.ingest.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartStreamTest {

    private static final String BOUNDARY = "----b0und4ry";

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 13, 64, 4096, 1 << 20})
    void partsSurviveAnyReadSize(int readSize) throws IOException {
        byte[] file = new byte[300_000];
        new Random(1).nextBytes(file);
        // Bytes that look like the start of a delimiter must stay part of the body.
        byte[] trap = ("\r\n--" + BOUNDARY.substring(0, 6)).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(trap, 0, file, 1000, trap.length);
        byte[] body = body(file, "{\"user_id\":\"a\"}");

        MultipartStream parts = new MultipartStream(new Trickle(new ByteArrayInputStream(body), readSize), BOUNDARY, 64 * 1024);
        MultipartStream.Part metadata = parts.next();
        assertEquals("metadata", metadata.name());
        assertEquals("{\"user_id\":\"a\"}", new String(metadata.body().readAllBytes(), StandardCharsets.UTF_8));
        MultipartStream.Part filePart = parts.next();
        assertEquals("file", filePart.name());
        assertEquals("my \"notes\".bin", filePart.fileName());
        assertArrayEquals(file, filePart.body().readAllBytes());
        assertNull(parts.next());
    }

    @Test
    void unreadPartsAreSkipped() throws IOException {
        MultipartStream parts = new MultipartStream(new ByteArrayInputStream(body("abc".getBytes(), "{}")), BOUNDARY, 1024);
        parts.next();
        MultipartStream.Part file = parts.next();
        assertEquals("file", file.name());
        assertNull(parts.next());
    }

    @Test
    void preambleBeforeTheFirstDelimiterIsIgnored() throws IOException {
        byte[] body = concat("This is a preamble.\r\n".getBytes(StandardCharsets.US_ASCII), body("x".getBytes(), "{}"));
        MultipartStream parts = new MultipartStream(new ByteArrayInputStream(body), BOUNDARY, 1024);
        assertEquals("metadata", parts.next().name());
    }

    @Test
    void truncatedBodyIsAnError() {
        byte[] body = body(new byte[5000], "{}");
        byte[] cut = java.util.Arrays.copyOf(body, body.length - 40);
        MultipartStream parts = new MultipartStream(new ByteArrayInputStream(cut), BOUNDARY, 1024);
        assertThrows(IOException.class, () -> {
            parts.next().body().readAllBytes();
            parts.next().body().readAllBytes();
            parts.next();
        });
    }

    @Test
    void boundaryIsReadFromTheContentType() {
        assertEquals("abc", MultipartStream.boundaryOf("multipart/form-data; boundary=abc"));
        assertEquals("a b", MultipartStream.boundaryOf("multipart/form-data; charset=utf-8; boundary=\"a b\""));
        assertNull(MultipartStream.boundaryOf("multipart/form-data"));
    }

    private static byte[] body(byte[] file, String metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" + metadata
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"my \\\"notes\\\".bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Hands out at most {@code max} bytes per read, like a network stream. */
    private static final class Trickle extends FilterInputStream {

        private final int max;

        Trickle(InputStream in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, max));
        }
    }
}
