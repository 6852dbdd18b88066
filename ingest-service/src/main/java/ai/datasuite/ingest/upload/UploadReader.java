package ai.datasuite.ingest.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ai.datasuite.ingest.config.IngestConfig;
import ai.datasuite.problem.ProblemException;

/**
 * Reads a multipart upload as it arrives, in one pass: the {@code file} part goes to a spool file on disk while its
 * SHA-256 is computed and its size checked against the limit, so nothing is held on the heap and nothing is read
 * twice. The small {@code metadata} part is read into a string.
 */
@ApplicationScoped
public class UploadReader {

    private static final Logger LOG = Logger.getLogger(UploadReader.class);
    private static final int BUFFER = 1 << 20;
    private static final int MAX_METADATA_BYTES = 64 * 1024;
    private static final int MAX_NAME_LENGTH = 255;

    private final IngestConfig config;
    private final Path spoolDir;

    public UploadReader(IngestConfig config) {
        this.config = config;
        this.spoolDir = Path.of(config.spoolDir());
    }

    /** What the multipart body held; {@code upload} is null when there was no file part. */
    public record Parts(SpooledUpload upload, String metadata) {
    }

    /** Reads the body; on any failure the spool file is already gone. The caller deletes it after use. */
    public Parts read(InputStream body, String contentType) {
        String boundary = contentType == null ? null : MultipartStream.boundaryOf(contentType);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || boundary == null || boundary.isEmpty()) {
            throw new ProblemException(415, ProblemException.UNSUPPORTED_MEDIA_TYPE, "Multipart expected",
                    "send multipart/form-data (with a boundary) holding a 'file' part and a 'metadata' part");
        }
        SpooledUpload upload = null;
        String metadata = null;
        try {
            MultipartStream parts = new MultipartStream(body, boundary, BUFFER);
            for (MultipartStream.Part part = parts.next(); part != null; part = parts.next()) {
                if ("file".equals(part.name())) {
                    if (upload != null) {
                        throw new ProblemException(400, ProblemException.VALIDATION, "One file per upload",
                                "the body holds more than one 'file' part; upload files one at a time");
                    }
                    upload = spool(part);
                } else if ("metadata".equals(part.name())) {
                    if (metadata != null) {
                        throw new ProblemException(400, ProblemException.VALIDATION, "One metadata part",
                                "the body holds more than one 'metadata' part");
                    }
                    metadata = readSmall(part.body());
                }
            }
            return new Parts(upload, metadata);
        } catch (MultipartStream.Malformed e) {
            delete(upload);
            throw new ProblemException(400, ProblemException.VALIDATION, "Malformed multipart body",
                    "the multipart body could not be read: " + e.getMessage());
        } catch (IOException e) {
            // The connection's own message (addresses, stream state) is not the client's business.
            LOG.debugf("upload body could not be read: %s", e);
            delete(upload);
            throw new ProblemException(400, ProblemException.VALIDATION, "Malformed multipart body",
                    "the multipart body could not be read to its end (it is cut short or the connection broke)");
        } catch (RuntimeException e) {
            delete(upload);
            throw e;
        }
    }

    private SpooledUpload spool(MultipartStream.Part part) throws IOException {
        String name = part.fileName() == null || part.fileName().isBlank() ? "unnamed" : part.fileName();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new ProblemException(400, ProblemException.VALIDATION, "File name too long",
                    "the file name has " + name.length() + " characters; at most " + MAX_NAME_LENGTH + " are kept");
        }
        long max = config.maxFileSize().asLongValue();
        Path file = createSpoolFile();
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream in = part.body(); OutputStream out = open(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > max) {
                    throw new ProblemException(413, ProblemException.PAYLOAD_TOO_LARGE, "File too large",
                            "the file has more than " + max + " bytes, the limit (ingest.max-file-size)",
                            Map.of("max_bytes", max));
                }
                digest.update(buffer, 0, n);
                write(out, buffer, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpooledUpload(file, name, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** The spool folder is ours: a failure there is 503 without its path, which goes to the log. */
    private Path createSpoolFile() {
        try {
            Files.createDirectories(spoolDir);
            return Files.createTempFile(spoolDir, "upload-", ".bin");
        } catch (IOException e) {
            LOG.errorf("cannot create a spool file in %s: %s", spoolDir, e);
            throw spoolUnavailable();
        }
    }

    private static OutputStream open(Path file) {
        try {
            return Files.newOutputStream(file);
        } catch (IOException e) {
            LOG.errorf("cannot open the spool file %s: %s", file, e);
            throw spoolUnavailable();
        }
    }

    private static ProblemException spoolUnavailable() {
        return new ProblemException(503, "spool-unavailable", "Temporary storage unavailable",
                "the upload could not be written to local temporary storage; nothing was stored. Retry later.");
    }

    /** A failure to write the spool file is ours (a full disk, say), not a malformed request. */
    private static void write(OutputStream out, byte[] buffer, int length) {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw spoolUnavailable();
        }
    }

    private static String readSmall(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_METADATA_BYTES + 1);
        if (bytes.length > MAX_METADATA_BYTES) {
            throw new ProblemException(413, ProblemException.PAYLOAD_TOO_LARGE, "Metadata too large",
                    "the 'metadata' part is larger than " + MAX_METADATA_BYTES + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void delete(SpooledUpload upload) {
        if (upload != null) {
            upload.discard();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
