package ai.datasuite.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The client a latency benchmark times a JSON POST with. Two kinds, measured side by side: the JDK's
 * {@link HttpClient} (what the other benchmarks use), and {@link #blocking} — one kept-alive socket read and written
 * by the calling thread alone, as curl or a load generator does. The JDK client hands each exchange between the
 * caller, its selector thread and an executor thread; on two shared cores each hand-off is a wake-up that waits for a
 * core, and that time is the client's, not the service's.
 */
interface JsonClient extends AutoCloseable {

    /** A status and the answer's bytes. */
    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    String name();

    /** POSTs {@code json} to {@code path} with the given Authorization header. */
    Answer post(String path, String authorization, byte[] json);

    @Override
    default void close() {
    }

    static JsonClient jdk(URI base) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new JsonClient() {
            @Override
            public String name() {
                return "JDK HttpClient";
            }

            @Override
            public Answer post(String path, String authorization, byte[] json) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
                try {
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    return new Answer(response.statusCode(), response.body());
                } catch (IOException e) {
                    throw new UncheckedIOException(base + " did not answer; start the suite with ./suite start", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    static JsonClient blocking(URI base) {
        return new Blocking(base);
    }

    /** HTTP/1.1 on one kept-alive socket, reconnecting when the server closes it; Content-Length or chunked answers. */
    final class Blocking implements JsonClient {
        private final URI base;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        private Blocking(URI base) {
            this.base = base;
        }

        @Override
        public String name() {
            return "blocking socket";
        }

        @Override
        public Answer post(String path, String authorization, byte[] json) {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
                    socket.setSoTimeout(60_000);
                    out = socket.getOutputStream();
                    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                }
                String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nAuthorization: " + authorization + "\r\nContent-Type: application/json"
                        + "\r\nContent-Length: " + json.length + "\r\n\r\n";
                byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
                byte[] request = new byte[headBytes.length + json.length];
                System.arraycopy(headBytes, 0, request, 0, headBytes.length);
                System.arraycopy(json, 0, request, headBytes.length, json.length);
                out.write(request);
                out.flush();
                return read();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException(base + " did not answer; start the suite with ./suite start", e);
            }
        }

        private Answer read() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false, closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                body.write(in.readNBytes((int) length));
            } else {
                body.write(in.readAllBytes());
                closing = true;
            }
            if (closing) {
                close();
            }
            return new Answer(code, body.toByteArray());
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed mid-answer");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a socket we are done with
                }
                socket = null;
            }
        }
    }
}
