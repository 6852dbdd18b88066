package ai.datasuite.gateway.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * ingest-service's files as the gateway's uploads use them, in memory: {@code POST /api/v1/files} parses the multipart
 * body as ingest does (parts {@code file} and {@code metadata}; 400 for a missing part or bad metadata, 403 when
 * {@code user_id} names another user and the caller is no admin, 413 over {@link #maxFileBytes}, 415 for binary
 * content it cannot recognise; 201 new, 200 for the same owner's same bytes), {@code GET /{id}},
 * {@code GET /{id}/text} (404 {@code no-text} when there is none) and {@code DELETE /{id}}; another user's file is
 * 404. Text is the file's bytes for text types; images get ingest's one line of facts and the file name.
 */
public final class FakeIngestFiles implements FakeEndpoints {

    public static final String PREFIX = "/api/v1/files";
    /** ingest-service's data_type pattern (MIME-like values allowed). */
    static final String DATA_TYPE = "[A-Za-z0-9][A-Za-z0-9_.+/-]{0,63}";

    public record StoredFile(String id, String owner, String name, String mediaType, String dataType, byte[] bytes,
                             String sha256, String text, Instant createdAt) {

        JsonObject view() {
            return new JsonObject().put("id", id).put("owner_id", owner).put("original_name", name)
                    .put("media_type", mediaType).put("size_bytes", bytes.length).put("sha256", sha256)
                    .put("data_type", dataType).put("text_length", text == null ? null : text.length())
                    .put("status", "stored").put("created_at", createdAt.toString());
        }
    }

    public final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    public final List<String> uploaders = new CopyOnWriteArrayList<>();
    public volatile long maxFileBytes = 1024 * 1024;

    @Override
    public void handle(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        String rest = request.path().substring(PREFIX.length());
        String method = request.method().name();
        if (rest.isEmpty() && method.equals("POST")) {
            upload(request, caller, body);
            return;
        }
        String[] parts = rest.substring(1).split("/");
        StoredFile file = files.get(parts[0]);
        if (file == null || !canSee(caller, file.owner())) {
            problem(request, 404, "not-found", "No file " + parts[0]);
        } else if (parts.length == 1 && method.equals("GET")) {
            json(request, 200, file.view());
        } else if (parts.length == 1 && method.equals("DELETE")) {
            files.remove(file.id());
            request.response().setStatusCode(204).end();
        } else if (parts.length == 2 && parts[1].equals("text") && method.equals("GET")) {
            if (file.text() == null) {
                problem(request, 404, "no-text", "file '" + file.id() + "' has no extractable text");
            } else {
                request.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(file.text());
            }
        } else {
            problem(request, 404, "not-found", "No endpoint " + method + " " + request.path());
        }
    }

    /** Stores a file directly (e.g. one whose indexing a test resumes). */
    public StoredFile put(String owner, String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StoredFile file = new StoredFile(UUID.randomUUID().toString(), owner, name, mediaTypeOf(name, bytes), "text",
                bytes, sha256(bytes), text, Instant.now());
        files.put(file.id(), file);
        return file;
    }

    private void upload(HttpServerRequest request, VerifiedIdentity caller, Buffer body) {
        Map<String, Part> parts = Multipart.parse(request.getHeader("Content-Type"), body);
        Part upload = parts.get("file");
        Part metadataPart = parts.get("metadata");
        if (upload == null) {
            problem(request, 400, "validation", "the multipart part 'file' is required");
            return;
        }
        JsonObject metadata;
        try {
            metadata = metadataPart == null ? null : new JsonObject(metadataPart.text());
        } catch (DecodeException e) {
            metadata = null;
        }
        if (metadata == null) {
            problem(request, 400, "validation",
                    "the 'metadata' part is not valid JSON of {data_type, user_id?, task_id?, tags?}");
            return;
        }
        String dataType = metadata.getString("data_type");
        if (dataType == null || !dataType.matches(DATA_TYPE)) {
            problem(request, 400, "validation", "data_type must be 1-64 letters, digits or _ - . + /,"
                    + " starting with a letter or digit");
            return;
        }
        String owner = metadata.getString("user_id", caller.user());
        if (!owner.equals(caller.user()) && !privileged(caller)) {
            problem(request, 403, "forbidden", "'user_id' names another user ('" + owner + "')");
            return;
        }
        byte[] bytes = upload.bytes();
        if (bytes.length > maxFileBytes) {
            problem(request, 413, "payload-too-large", "the file has " + bytes.length
                    + " bytes; the file limit is " + maxFileBytes + " bytes (ingest.max-file-size)");
            return;
        }
        String mediaType = mediaTypeOf(upload.filename(), bytes);
        if (mediaType == null) {
            problem(request, 415, "unsupported-media-type",
                    "the file's type could not be recognised from its content");
            return;
        }
        uploaders.add(caller.user());
        String sha = sha256(bytes);
        for (StoredFile existing : files.values()) {
            if (existing.owner().equals(owner) && existing.sha256().equals(sha)) {
                json(request, 200, existing.view());
                return;
            }
        }
        String text = mediaType.startsWith("image/")
                ? upload.filename() + ": " + mediaType + ", 2 x 2 px"
                : new String(bytes, StandardCharsets.UTF_8);
        StoredFile file = new StoredFile(UUID.randomUUID().toString(), owner, upload.filename(), mediaType, dataType,
                bytes, sha, text.isBlank() ? null : text, Instant.now());
        files.put(file.id(), file);
        json(request, 201, file.view());
    }

    private static String mediaTypeOf(String name, byte[] bytes) {
        if (bytes.length > 4 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "image/png";
        }
        for (byte b : bytes) {
            if (b == 0) {
                return null; // binary it does not know
            }
        }
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") ? "text/csv" : "text/plain";
    }

    private static boolean canSee(VerifiedIdentity caller, String owner) {
        return privileged(caller) || caller.user().equals(owner);
    }

    static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    /** A problem answer as the services write them. */
    static void problem(HttpServerRequest request, int status, String slug, String detail) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "urn:ai-data-suite:problem:" + slug).put("title", slug)
                        .put("status", status).put("detail", detail).encode());
    }

    static boolean privileged(VerifiedIdentity caller) {
        return "admin".equals(caller.role()) || "service".equals(caller.role());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One part of a multipart body. */
    record Part(String name, String filename, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A small multipart/form-data parser (whole body in memory: test files are small). */
    static final class Multipart {

        static Map<String, Part> parse(String contentType, Buffer body) {
            Map<String, Part> parts = new LinkedHashMap<>();
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                return parts;
            }
            String boundary = null;
            for (String param : contentType.split(";")) {
                String p = param.strip();
                if (p.startsWith("boundary=")) {
                    boundary = p.substring("boundary=".length()).replace("\"", "");
                }
            }
            if (boundary == null) {
                return parts;
            }
            byte[] data = body.getBytes();
            byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int start = indexOf(data, delimiter, 0);
            while (start >= 0) {
                int headersStart = start + delimiter.length;
                if (headersStart + 1 < data.length && data[headersStart] == '-' && data[headersStart + 1] == '-') {
                    break; // closing delimiter
                }
                headersStart += 2; // CRLF
                int headersEnd = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
                if (headersEnd < 0) {
                    break;
                }
                int next = indexOf(data, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd);
                if (next < 0) {
                    break;
                }
                String headers = new String(data, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
                byte[] content = java.util.Arrays.copyOfRange(data, headersEnd + 4, next);
                String name = attribute(headers, "name");
                if (name != null) {
                    parts.put(name, new Part(name, attribute(headers, "filename"), content));
                }
                start = next + 2;
            }
            return parts;
        }

        private static String attribute(String headers, String key) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[; ]" + key + "=\"([^\"]*)\"")
                    .matcher(headers);
            return m.find() ? m.group(1) : null;
        }

        private static int indexOf(byte[] data, byte[] pattern, int from) {
            outer:
            for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
