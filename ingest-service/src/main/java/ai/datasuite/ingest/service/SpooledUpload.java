package ai.datasuite.ingest.service;

import java.nio.file.Path;

/** An uploaded file as received: on local disk, with its size and SHA-256 computed while it arrived. */
public record SpooledUpload(Path file, String originalName, long size, String sha256) {
}
