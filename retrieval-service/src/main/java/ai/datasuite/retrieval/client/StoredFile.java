package ai.datasuite.retrieval.client;

import java.time.Instant;

/** The part of ingest-service's file record that retrieval-service uses (ingest sends more; unknown keys are ignored). */
public record StoredFile(String id, String ownerId, String originalName, String mediaType, long sizeBytes,
                         String sha256, String dataType, Instant createdAt) {
}
